package org.yizhan.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.yizhan.kiosk.config.KioskConfig;

/**
 * Which kiosk the window belongs to, as its header and the maintenance screen show it.
 *
 * @param siteId   the centre's id, as in passes and topics
 * @param siteName the centre's name in the header
 * @param kioskId  this kiosk's id within the site
 * @param version  the software's version, or {@code null} for a development build run from classes
 */
public record KioskIdentity(String siteId, String siteName, String kioskId, String version) {

    /** Maven writes this into every module jar; classes run from an IDE or target/classes have none. */
    private static final String POM_PROPERTIES = "/META-INF/maven/org.yizhan/yizhan-kiosk/pom.properties";

    public static KioskIdentity of(KioskConfig config) {
        return new KioskIdentity(config.siteId(), config.siteName(), config.kioskId(), installedVersion());
    }

    /**
     * The version of the running kiosk jar: from its manifest when the jar carries one, else from the
     * Maven descriptor inside it; {@code null} when run from classes.
     */
    static String installedVersion() {
        String fromManifest = KioskIdentity.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = KioskIdentity.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            // The version is a courtesy on the maintenance screen; a jar that cannot be read says so elsewhere.
            return null;
        }
    }
}
