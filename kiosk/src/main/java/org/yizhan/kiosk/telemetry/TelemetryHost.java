package org.yizhan.kiosk.telemetry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.system.SystemReport;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Notice;
import org.yizhan.protocol.command.SafeConfigKey;

/**
 * The running kiosk as its telemetry sees it: what health and birth report, and what the fleet's commands
 * may do to it. The kiosk assembly implements it.
 *
 * <p>Threading: the readers may be called from any thread and return at once; the actions return at once
 * and complete when the kiosk thread has done them.
 */
public interface TelemetryHost {

    /** Every device's latest status. */
    List<DeviceStatus> deviceStatuses();

    /** What each configured device is, by name, e.g. {@code scanner → qr-scanner}. */
    Map<String, String> deviceKinds();

    /** The system probe's latest verdict, once it has run. */
    Optional<SystemReport> systemReport();

    /** Check-ins accepted since midnight in the kiosk's time zone. */
    long checkInsToday();

    /** Shows a maintainers' notice on the home screen until its time. */
    CompletionStage<Void> showNotice(Notice notice);

    /**
     * Applies a setting now and keeps it for later starts. The value has been checked by
     * {@link SafeConfigKey#problemWith}.
     */
    CompletionStage<Void> applySetting(SafeConfigKey key, String value);

    /** Ends the kiosk so that its service manager starts it again; returns at once. */
    void restart();

    /** Hands an event to the kiosk's listeners (window, headless stream), in order with the kiosk's own. */
    void report(KioskEvent event);
}
