package org.yizhan.kiosk.flow;

import java.time.Instant;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.checkin.CheckInOutcome;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * What the kiosk reports as it works: the window draws these, the headless mode prints them as JSON
 * lines, later telemetry counts them. Events are published on the kiosk thread in the order they happen;
 * what a device reports reaches the kiosk thread first, so device events are ordered with the rest.
 */
public sealed interface KioskEvent {

    /** The kiosk is started and the home screen is interactive. */
    record Ready() implements KioskEvent {
    }

    record ScreenShown(ScreenState state) implements KioskEvent {
    }

    record CheckedIn(CheckInOutcome outcome) implements KioskEvent {
    }

    /** A visitor chose why they came, after checking in with a pass. */
    record PurposeChosen(String visitId, Purpose purpose) implements KioskEvent {
    }

    /** Something went wrong that a support engineer should see; the kiosk carries on. */
    record Failure(String message) implements KioskEvent {
    }

    /** A device changed state: connected, degraded or absent, or a new error in the same state. */
    record DeviceChanged(DeviceStatus status) implements KioskEvent {
    }

    /** A health device sent a reading that decoded and is plausible. */
    record Measured(String device, Measurement measurement) implements KioskEvent {
    }

    /** A health device sent a frame that gave no reading; the reason is for a support engineer. */
    record MeasurementRejected(String device, FrameRejection rejection) implements KioskEvent {
    }

    /** The entry sensor saw someone come in; {@code count} is entries since the kiosk started. */
    record EntrySensed(Instant at, long count) implements KioskEvent {
    }

    /** The help button was pressed, briefly or held for a long press. */
    record HelpRequested(Instant at, boolean longPress) implements KioskEvent {
    }

    /** A maintainer's notice appeared on the home screen, replacing any earlier one. */
    record NoticeShown(Notice notice) implements KioskEvent {
    }

    /** The notice left the home screen: its time was up, or a maintainer withdrew it. */
    record NoticeCleared() implements KioskEvent {
    }

    /** The large-text theme was switched on or off while the kiosk runs ({@code config-set ui.large-text}). */
    record LargeTextChanged(boolean on) implements KioskEvent {
    }

    /**
     * The connection to the central broker came up or went down. {@code detail} says why it went down (or
     * which broker it reached), for a maintainer.
     */
    record BrokerConnection(boolean connected, String detail) implements KioskEvent {
    }

    /** The number of telemetry messages waiting in the outbox changed. */
    record OutboxPending(long pending) implements KioskEvent {
    }

    /**
     * The fleet sent a command and the kiosk answered it.
     *
     * @param name    the command's name, from the topic it came on
     * @param outcome {@code ok}, {@code rejected} or {@code failed}
     * @param reason  why it was rejected or failed; null when ok
     * @param message one line for a maintainer
     */
    record CommandAnswered(String name, String outcome, String reason, String message) implements KioskEvent {
    }

    /** A health reading was judged: shown on the result screen, kept when {@code result.stored()}. */
    record HealthAssessed(HealthResult result) implements KioskEvent {
    }

    /** A health reading was refused (implausible, or no health check here): not kept, not counted. */
    record HealthRefused(String kind, String reason, String detail) implements KioskEvent {
    }

    /**
     * A reading that needs staff now (a crisis blood pressure). Carries no identifier: who measured it stays
     * on the kiosk.
     *
     * @param kind     {@code crisis-reading}
     * @param category the reading's grade by the higher pressure, e.g. {@code grade-3}
     */
    record HealthAlert(String kind, String category) implements KioskEvent {
    }

    /** A resident deleted their health data; how many readings went. No identifier. */
    record HealthDataDeleted(int readings) implements KioskEvent {
    }
}
