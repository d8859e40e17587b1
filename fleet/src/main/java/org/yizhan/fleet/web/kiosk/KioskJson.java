package org.yizhan.fleet.web.kiosk;

import java.time.Instant;
import java.util.List;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.health.DeviceStatus;

/** A kiosk in the JSON API ({@code Kiosk} in openapi.yaml). */
public record KioskJson(String id, String site, String kiosk, String siteName, String condition, List<String> reasons,
        Instant lastSeen, String appVersion, String javaVersion, String os, List<DeviceStatus> devices) {

    public static KioskJson of(KioskSummary summary) {
        return new KioskJson(summary.id().toString(), summary.id().site(), summary.id().kiosk(), summary.siteName(),
                summary.condition().code(), summary.reasons(), summary.lastSeen(), summary.appVersion(),
                summary.javaVersion(), summary.os(), summary.devices());
    }
}
