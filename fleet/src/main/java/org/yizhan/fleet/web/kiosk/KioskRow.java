package org.yizhan.fleet.web.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.web.page.ConditionLabel;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.TimeText;
import org.yizhan.protocol.health.DeviceStatus;

/**
 * A kiosk as a row of the list, a tile of the overview or the head of its own page.
 *
 * @param id            {@code site/kiosk}
 * @param kiosk         the kiosk's own level, e.g. {@code kiosk-1}
 * @param href          its page
 * @param siteName      the site's name as the kiosk sent it, or the site's level
 * @param condition     how it is doing
 * @param reasons       why it is degraded or lost, joined; empty when online
 * @param lastSeenAgo   e.g. "3 min ago"
 * @param lastSeenLocal the time in the fleet's zone
 * @param appVersion    Yizhan's version, or empty before a birth
 * @param javaVersion   Java's version, or empty
 * @param os            the operating system, or empty
 * @param devices       each device with its state
 */
public record KioskRow(String id, String kiosk, String href, String siteName, ConditionLabel condition,
        String reasons, String lastSeenAgo, String lastSeenLocal, String appVersion, String javaVersion, String os,
        List<DeviceChip> devices) {

    /** A device as a small label: its name, its state's colour and word, and its last error as a tooltip. */
    public record DeviceChip(String name, ConditionLabel state, String title) {
    }

    public static KioskRow of(KioskSummary summary, Messages messages, TimeText time, Instant now) {
        List<DeviceChip> devices = summary.devices().stream().map(device -> chip(device, messages, time))
                .collect(Collectors.toList());
        return new KioskRow(summary.id().toString(), summary.id().kiosk(), href(summary), siteName(summary),
                ConditionLabel.of(summary.condition(), messages), String.join("; ", summary.reasons()),
                time.ago(summary.lastSeen(), now), time.localSeconds(summary.lastSeen()), orEmpty(summary.appVersion()),
                orEmpty(summary.javaVersion()), orEmpty(summary.os()), devices);
    }

    public static String href(KioskSummary summary) {
        return "/kiosks/" + summary.id().site() + "/" + summary.id().kiosk();
    }

    private static DeviceChip chip(DeviceStatus device, Messages messages, TimeText time) {
        ConditionLabel state = ConditionLabel.of(device.state(), messages);
        String title = state.text() + " · " + time.local(device.since())
                + (device.lastError() == null ? "" : " · " + device.lastError());
        return new DeviceChip(device.device(), state, title);
    }

    private static String siteName(KioskSummary summary) {
        return summary.siteName() == null ? summary.id().site() : summary.siteName();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
