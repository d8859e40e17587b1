package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.topic.KioskId;

/**
 * One kiosk as a row of the console: who it is, how it is doing and why.
 *
 * @param id          the kiosk
 * @param siteName    the site's display name from its latest birth; null before a birth arrived
 * @param condition   how it is doing
 * @param reasons     why it is degraded or lost, one short English line each (e.g. {@code "CPU 82.0 °C"});
 *                    empty when online
 * @param lastSeen    when the console last received anything from it
 * @param appVersion  the kiosk software's version from its latest birth; null before a birth
 * @param javaVersion the Java runtime's version from its latest birth; null before a birth
 * @param os          the operating system from its latest birth; null before a birth
 * @param devices     each configured device's status from its latest health (or birth), in the kiosk's order
 */
public record KioskSummary(KioskId id, String siteName, KioskCondition condition, List<String> reasons,
        Instant lastSeen, String appVersion, String javaVersion, String os, List<DeviceStatus> devices) {

    public KioskSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(condition, "condition");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(lastSeen, "lastSeen");
        devices = List.copyOf(devices);
    }
}
