package org.yizhan.kiosk.flow;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.buzzer.BeepPattern;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.light.LightPattern;
import org.yizhan.kiosk.checkin.CheckInOutcome;
import org.yizhan.kiosk.checkin.CheckInService;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.time.KioskClock;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.kiosk.visitlog.VisitLogException;
import org.yizhan.protocol.event.Event;
import org.yizhan.provisioning.pass.PassRejection;

/**
 * The check-in flow of the window: which screen is shown, what a scan or a tap does on it, and when
 * the window returns home by itself. The touchscreen and the headless mode are two views of this one
 * flow; the status light, the buzzer and the door follow it too. The door opens for every visitor let in:
 * a new visit, a visitor already checked in, a walk-in.
 *
 * <p>A scan is taken on every screen (the next visitor need not wait for the last one's result), the
 * maintenance screen included: a visitor who scans while a maintainer looks is let in all the same.
 * Buttons are taken only where the screen shows them; any other tap is reported as a failure and
 * changes nothing. The maintenance screen opens only from home, never in the middle of a visit.
 *
 * <p>Ordering: a {@link KioskEvent.CheckedIn} with an accepted outcome is published only after the visit
 * is durably recorded, and before the welcome screen is shown.
 *
 * <p>Threading: every method must be called on the kiosk thread (the thread {@link KioskClock} runs its
 * timers on); events are published on it.
 */
public final class KioskFlow {

    /** Button ids, as the window's buttons and the headless {@code tap} command name them. */
    public static final String WALK_IN = "walk-in";
    public static final String HOME = "home";
    public static final String MAINTENANCE = "maintenance";
    public static final String PURPOSE_PREFIX = "purpose-";
    public static final String LANGUAGE_PREFIX = "lang-";
    public static final String HEALTH = "health";
    public static final String CONSENT_KEEP = "consent-keep";
    public static final String CONSENT_ANONYMOUS = "consent-anonymous";
    public static final String DELETE_MY_DATA = "delete-my-data";
    public static final String CONFIRM_DELETE = "confirm-delete";
    public static final String TREND = "trend";
    public static final String MEASURE_AGAIN = "measure-again";

    private static final Logger log = LoggerFactory.getLogger(KioskFlow.class);

    private final CheckInService checkIn;
    private final KioskClock clock;
    private final KioskSignals signals;
    private final KioskEvents events;

    // Changed at run time by the fleet's config-set command; the next screen uses the new values.
    private FlowTimings timings;
    private Language defaultLanguage;

    private ScreenState state;
    private String welcomedVisitId;
    private KioskClock.Timer screenTimer;
    private Notice notice;
    private KioskClock.Timer noticeTimer;

    private final HealthService health;
    private final HealthTimings healthTimings;
    // The health session: whose readings are kept (null: anonymous), and whose are about to be deleted.
    private String healthPseudonym;
    private String deletePseudonym;
    private HealthResult lastResult;

    public KioskFlow(CheckInService checkIn, KioskClock clock, KioskSignals signals, FlowTimings timings,
            Language defaultLanguage, KioskEvents events) {
        this(checkIn, clock, signals, timings, defaultLanguage, events, HealthService.NONE, HealthTimings.DEFAULT);
    }

    public KioskFlow(CheckInService checkIn, KioskClock clock, KioskSignals signals, FlowTimings timings,
            Language defaultLanguage, KioskEvents events, HealthService health, HealthTimings healthTimings) {
        this.health = health;
        this.healthTimings = healthTimings;
        this.checkIn = checkIn;
        this.clock = clock;
        this.signals = signals;
        this.timings = timings;
        this.defaultLanguage = defaultLanguage;
        this.events = events;
        this.state = ScreenState.of(Screen.HOME, defaultLanguage);
    }

    /** Shows the home screen and announces that the kiosk is ready. */
    public void start() {
        goHome(defaultLanguage);
        events.publish(new KioskEvent.Ready());
    }

    public ScreenState screen() {
        return state;
    }

    /** The notice on the home screen, if any. */
    public Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Shows {@code next} on the home screen until its time, replacing any earlier notice; a notice whose time
     * has already come removes the one shown instead.
     */
    public void showNotice(Notice next) {
        if (noticeTimer != null) {
            noticeTimer.cancel();
            noticeTimer = null;
        }
        Duration left = Duration.between(clock.now(), next.until());
        if (left.isNegative() || left.isZero()) {
            clearNotice();
            return;
        }
        notice = next;
        events.publish(new KioskEvent.NoticeShown(next));
        noticeTimer = clock.schedule(left, this::clearNotice);
    }

    private void clearNotice() {
        noticeTimer = null;
        if (notice != null) {
            notice = null;
            events.publish(new KioskEvent.NoticeCleared());
        }
    }

    /** From the next screen on, screens stay this long. */
    public void changeTimings(FlowTimings next) {
        timings = next;
    }

    public FlowTimings timings() {
        return timings;
    }

    /** The language the kiosk returns to when idle; shown at once when the home screen is up. */
    public void changeDefaultLanguage(Language language) {
        defaultLanguage = language;
        if (state.screen() == Screen.HOME && state.language() != language) {
            show(state.inLanguage(language));
        }
    }

    public void scan(String text) {
        if (state.screen() == Screen.HEALTH_IDENTIFY || state.screen() == Screen.HEALTH_DELETE) {
            identify(text);
            return;
        }
        CheckInOutcome outcome;
        try {
            outcome = checkIn.checkIn(text);
        } catch (VisitLogException e) {
            fail("check-in could not be recorded: " + e.getMessage(), e);
            return;
        }
        decided(outcome);
    }

    /**
     * The scanner read something it refused to pass on (too long, control characters): the visitor is
     * shown a rejection, as for any code that is not a pass.
     */
    public void unreadable(String reason) {
        decided(new CheckInOutcome.Rejected(PassRejection.MALFORMED, "the scanner refused the code: " + reason));
    }

    private void decided(CheckInOutcome outcome) {
        // A scan is the next person: whatever a health session showed or knew is gone.
        endHealthSession();
        events.publish(new KioskEvent.CheckedIn(outcome));
        Language language = state.language();
        if (outcome instanceof CheckInOutcome.Accepted accepted) {
            Visit visit = accepted.visit();
            welcomedVisitId = visit.id();
            signal(LightPattern.OK, BeepPattern.SHORT);
            signals.openDoor();
            show(new ScreenState(Screen.WELCOME, language, visit.category(), null, visit.purpose()));
        } else if (outcome instanceof CheckInOutcome.Duplicate duplicate) {
            signal(LightPattern.OK, BeepPattern.SHORT);
            signals.openDoor();
            show(new ScreenState(Screen.ALREADY_CHECKED_IN, language, duplicate.earlier().category(), null, null));
        } else if (outcome instanceof CheckInOutcome.Rejected rejected) {
            signal(LightPattern.ERROR, BeepPattern.DOUBLE);
            show(new ScreenState(Screen.REJECTED, language, null, rejected.reason().code(), null));
        }
    }

    public void tap(String button) {
        if (button.startsWith(LANGUAGE_PREFIX)) {
            Optional<Language> language = Language.fromCode(button.substring(LANGUAGE_PREFIX.length()));
            if (language.isEmpty()) {
                unknownButton(button);
                return;
            }
            // Re-shown in full: a visitor who switched language needs the whole time to read the screen.
            show(state.inLanguage(language.get()));
            return;
        }
        if (button.equals(HOME)) {
            if (state.screen() == Screen.HOME) {
                notHere(button);
                return;
            }
            goHome(state.language());
            return;
        }
        if (button.equals(WALK_IN)) {
            if (state.screen() != Screen.HOME) {
                notHere(button);
                return;
            }
            show(ScreenState.of(Screen.WALK_IN, state.language()));
            return;
        }
        if (button.equals(MAINTENANCE)) {
            if (state.screen() != Screen.HOME) {
                notHere(button);
                return;
            }
            show(ScreenState.of(Screen.MAINTENANCE, state.language()));
            return;
        }
        if (healthButton(button)) {
            return;
        }
        if (button.startsWith(PURPOSE_PREFIX)) {
            Optional<Purpose> purpose = Purpose.fromCode(button.substring(PURPOSE_PREFIX.length()));
            if (purpose.isEmpty()) {
                unknownButton(button);
            } else if (state.screen() == Screen.WALK_IN) {
                walkIn(purpose.get());
            } else if (state.screen() == Screen.WELCOME) {
                choosePurpose(purpose.get());
            } else {
                notHere(button);
            }
            return;
        }
        unknownButton(button);
    }

    private void walkIn(Purpose purpose) {
        Visit visit;
        try {
            visit = checkIn.walkIn(purpose);
        } catch (VisitLogException e) {
            fail("walk-in could not be recorded: " + e.getMessage(), e);
            return;
        }
        events.publish(new KioskEvent.CheckedIn(new CheckInOutcome.Accepted(visit)));
        signal(LightPattern.OK, BeepPattern.SHORT);
        signals.openDoor();
        show(new ScreenState(Screen.THANKS, state.language(), visit.category(), null, purpose));
    }

    private void choosePurpose(Purpose purpose) {
        boolean recorded;
        try {
            recorded = checkIn.choosePurpose(welcomedVisitId, purpose);
        } catch (VisitLogException e) {
            fail("purpose could not be recorded: " + e.getMessage(), e);
            return;
        }
        if (recorded) {
            events.publish(new KioskEvent.PurposeChosen(welcomedVisitId, purpose));
        } else {
            // The visit was already checked in, so the visitor is thanked all the same; support is told.
            events.publish(new KioskEvent.Failure("visit " + welcomedVisitId + " is no longer in the visit log;"
                    + " its purpose was not recorded"));
        }
        show(new ScreenState(Screen.THANKS, state.language(), state.category(), null, purpose));
    }

    private void fail(String message, Exception cause) {
        log.error(message, cause);
        events.publish(new KioskEvent.Failure(message));
        signal(LightPattern.ERROR, BeepPattern.DOUBLE);
        show(ScreenState.of(Screen.OUT_OF_ORDER, state.language()));
    }

    private void goHome(Language language) {
        welcomedVisitId = null;
        endHealthSession();
        signals.light(LightPattern.IDLE);
        show(ScreenState.of(Screen.HOME, language));
    }

    /**
     * How long a screen stays before the window goes home by itself. Home stays, except in a language
     * other than the default: the next visitor is a new person, so it returns to the default when idle.
     */
    private Duration stayOn(ScreenState screen) {
        return switch (screen.screen()) {
            case HOME -> screen.language() == defaultLanguage ? null : timings.walkIn();
            case WALK_IN -> timings.walkIn();
            case THANKS -> timings.thanks();
            case WELCOME, ALREADY_CHECKED_IN, REJECTED, OUT_OF_ORDER -> timings.result();
            case MAINTENANCE -> timings.maintenance();
            case HEALTH_MEASURING -> healthTimings.measure();
            case HEALTH_RESULT, HEALTH_TREND, HEALTH_CRISIS, HEALTH_TIMEOUT, HEALTH_DELETED -> healthTimings.result();
            case HEALTH_CONSENT, HEALTH_IDENTIFY, HEALTH_DELETE, HEALTH_DELETE_CONFIRM -> timings.walkIn();
        };
    }

    /** Shows a screen and arms its timeout. */
    private void show(ScreenState next) {
        Duration stay = stayOn(next);
        if (screenTimer != null) {
            screenTimer.cancel();
            screenTimer = null;
        }
        if (next.screen() != Screen.WELCOME) {
            welcomedVisitId = null;
        }
        state = next;
        events.publish(new KioskEvent.ScreenShown(next));
        if (stay != null) {
            // Language goes back to the default with the home screen: the next visitor is a new person.
            screenTimer = clock.schedule(stay, next.screen() == Screen.HEALTH_MEASURING
                    ? () -> show(ScreenState.of(Screen.HEALTH_TIMEOUT, state.language()))
                    : () -> goHome(defaultLanguage));
        }
    }

    /**
     * A health device sent a reading. On the guidance screen it belongs to the session (kept for a resident
     * who chose a history); on any other screen someone simply used the cuff, and it is shown and counted
     * without being kept. Progress (cuff pressure while inflating) changes nothing here.
     */
    public void measured(Measurement measurement) {
        if (measurement instanceof Measurement.IntermediateCuffPressure) {
            return;
        }
        Language language = state.language();
        String pseudonym = state.screen() == Screen.HEALTH_MEASURING ? healthPseudonym : null;
        HealthService.HealthOutcome outcome;
        try {
            outcome = health.record(measurement, pseudonym, clock.now());
        } catch (RuntimeException e) {
            fail("the reading could not be recorded: " + e.getMessage(), e);
            return;
        }
        if (outcome instanceof HealthService.HealthOutcome.Refused refused) {
            events.publish(new KioskEvent.HealthRefused(kindOf(measurement), refused.reason(), refused.detail()));
            signal(LightPattern.ERROR, BeepPattern.DOUBLE);
            show(new ScreenState(Screen.HEALTH_RESULT, language, null, refused.reason(), null));
            return;
        }
        HealthResult result = ((HealthService.HealthOutcome.Assessed) outcome).result();
        lastResult = result;
        events.publish(new KioskEvent.HealthAssessed(result));
        if (result.crisis()) {
            events.publish(new KioskEvent.HealthAlert(Event.CRISIS_READING, result.grade()));
            signal(LightPattern.ERROR, BeepPattern.ATTENTION);
            show(ScreenState.of(Screen.HEALTH_CRISIS, language));
        } else {
            signal(LightPattern.OK, BeepPattern.SHORT);
            show(new ScreenState(Screen.HEALTH_RESULT, language, result.category(), null, null));
        }
    }

    /**
     * A health device sent a frame that gave no reading. During a measurement the resident is told, with the
     * reason in plain words, and asked to measure again: a reading the cuff got wrong (diastolic above
     * systolic, a pressure no one has) is refused this way, never kept or counted. On other screens it is only
     * reported by the device's own event.
     */
    public void readingRejected(FrameRejection rejection) {
        if (state.screen() != Screen.HEALTH_MEASURING) {
            return;
        }
        String reason = rejection.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        events.publish(new KioskEvent.HealthRefused(kindOf(rejection.characteristic()), reason, rejection.reason()));
        signal(LightPattern.ERROR, BeepPattern.DOUBLE);
        show(new ScreenState(Screen.HEALTH_RESULT, state.language(), null, reason, null));
    }

    /** The reading on the result screen, for the window; empty when none is shown. */
    public Optional<HealthResult> healthResult() {
        return Optional.ofNullable(lastResult);
    }

    private boolean healthButton(String button) {
        Screen screen = state.screen();
        Language language = state.language();
        switch (button) {
            case HEALTH -> {
                if (screen != Screen.HOME) {
                    notHere(button);
                } else {
                    endHealthSession();
                    show(ScreenState.of(Screen.HEALTH_CONSENT, language));
                }
            }
            case CONSENT_KEEP -> {
                if (screen != Screen.HEALTH_CONSENT) {
                    notHere(button);
                } else {
                    show(ScreenState.of(Screen.HEALTH_IDENTIFY, language));
                }
            }
            case CONSENT_ANONYMOUS -> {
                if (screen != Screen.HEALTH_CONSENT) {
                    notHere(button);
                } else {
                    healthPseudonym = null;
                    show(ScreenState.of(Screen.HEALTH_MEASURING, language));
                }
            }
            case DELETE_MY_DATA -> {
                if (screen != Screen.HEALTH_CONSENT) {
                    notHere(button);
                } else {
                    show(ScreenState.of(Screen.HEALTH_DELETE, language));
                }
            }
            case CONFIRM_DELETE -> {
                if (screen != Screen.HEALTH_DELETE_CONFIRM || deletePseudonym == null) {
                    notHere(button);
                } else {
                    forget();
                }
            }
            case TREND -> {
                if (screen != Screen.HEALTH_RESULT || lastResult == null || !lastResult.stored()) {
                    notHere(button);
                } else {
                    show(new ScreenState(Screen.HEALTH_TREND, language, state.category(), null, null));
                }
            }
            case MEASURE_AGAIN -> {
                if (screen != Screen.HEALTH_TIMEOUT && screen != Screen.HEALTH_RESULT) {
                    notHere(button);
                } else {
                    lastResult = null;
                    show(ScreenState.of(Screen.HEALTH_MEASURING, language));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A pass scanned to say who is measuring, or whose data is to be deleted. */
    private void identify(String scanned) {
        Optional<String> pseudonym = health.identify(scanned);
        Language language = state.language();
        if (pseudonym.isEmpty()) {
            signal(LightPattern.ERROR, BeepPattern.DOUBLE);
            // The same screen again, with a reason; the resident may try their pass once more.
            show(new ScreenState(state.screen(), language, null, "pass-refused", null));
            return;
        }
        signal(LightPattern.OK, BeepPattern.SHORT);
        if (state.screen() == Screen.HEALTH_IDENTIFY) {
            healthPseudonym = pseudonym.get();
            show(ScreenState.of(Screen.HEALTH_MEASURING, language));
        } else {
            deletePseudonym = pseudonym.get();
            show(ScreenState.of(Screen.HEALTH_DELETE_CONFIRM, language));
        }
    }

    private void forget() {
        int deleted;
        try {
            deleted = health.forget(deletePseudonym);
        } catch (RuntimeException e) {
            fail("the health data could not be deleted: " + e.getMessage(), e);
            return;
        }
        deletePseudonym = null;
        events.publish(new KioskEvent.HealthDataDeleted(deleted));
        show(ScreenState.of(Screen.HEALTH_DELETED, state.language()));
    }

    /** Nothing of a health session outlives it: not the pseudonym, not the reading. */
    private void endHealthSession() {
        healthPseudonym = null;
        deletePseudonym = null;
        lastResult = null;
    }

    private static String kindOf(Characteristic characteristic) {
        return switch (characteristic) {
            case WEIGHT_MEASUREMENT -> "weight";
            case TEMPERATURE_MEASUREMENT -> "temperature";
            default -> "blood-pressure";
        };
    }

    private static String kindOf(Measurement measurement) {
        if (measurement instanceof Measurement.BloodPressure) {
            return "blood-pressure";
        }
        if (measurement instanceof Measurement.Weight) {
            return "weight";
        }
        return "temperature";
    }

    private void signal(LightPattern pattern, BeepPattern beep) {
        signals.light(pattern);
        signals.beep(beep);
    }

    private void notHere(String button) {
        events.publish(new KioskEvent.Failure(
                "button '" + button + "' is not on the " + state.screen().id() + " screen"));
    }

    private void unknownButton(String button) {
        String purposes = Arrays.stream(Purpose.values())
                .map(p -> PURPOSE_PREFIX + p.code())
                .collect(Collectors.joining(", "));
        events.publish(new KioskEvent.Failure("unknown button '" + button + "'; buttons are " + WALK_IN + ", "
                + HOME + ", " + MAINTENANCE + ", lang-zh, lang-en, " + purposes + ", " + HEALTH + ", " + CONSENT_KEEP
                + ", " + CONSENT_ANONYMOUS + ", " + DELETE_MY_DATA + ", " + CONFIRM_DELETE + ", " + TREND + ", "
                + MEASURE_AGAIN));
    }
}
