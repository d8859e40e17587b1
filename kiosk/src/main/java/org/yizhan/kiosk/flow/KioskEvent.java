package org.yizhan.kiosk.flow;

import org.yizhan.kiosk.checkin.CheckInOutcome;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * What the kiosk reports as it works: the window draws these, the headless mode prints them as JSON
 * lines, later telemetry counts them. Events are published on the kiosk thread in the order they happen.
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
}
