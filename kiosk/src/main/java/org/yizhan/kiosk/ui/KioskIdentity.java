package org.yizhan.kiosk.ui;

import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskVersion;

/**
 * Which kiosk the window belongs to, as its header and the maintenance screen show it.
 *
 * @param siteId   the centre's id, as in passes and topics
 * @param siteName the centre's name in the header
 * @param kioskId  this kiosk's id within the site
 * @param version  the software's version, or {@code null} for a development build run from classes
 */
public record KioskIdentity(String siteId, String siteName, String kioskId, String version) {

    public static KioskIdentity of(KioskConfig config) {
        return new KioskIdentity(config.siteId(), config.siteName(), config.kioskId(), KioskVersion.installed());
    }
}
