package org.yizhan.kiosk.ui;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.config.HealthCheckConfig;
import org.yizhan.kiosk.flow.HealthTimings;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Notice;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.ui.health.HealthViewModel;
import org.yizhan.kiosk.ui.maintenance.MaintenanceViewModel;
import org.yizhan.kiosk.ui.scan.KeyboardWedge;

/**
 * The state the window draws and the inputs it forwards, for all screens. The kiosk's flow decides
 * everything; this model only mirrors its last {@link ScreenState}, puts it into words in the screen's
 * language, and turns taps and scanner keystrokes into kiosk inputs. It also keeps every device's latest
 * status for the maintenance screen ({@link #maintenance}), from the kiosk's device events, and the health
 * check's reading, cuff pressure and deletions for its screens ({@link #health}), from its health events.
 *
 * <p>Threading: {@link #onEvent} may be called on any thread (the kiosk publishes on its own); it hands
 * the event to the {@code uiThread} executor, {@code Platform::runLater} in the window, and every property
 * changes only there. All other methods must be called on that UI thread; none of them blocks — inputs
 * are queued on the kiosk, and an input that fails is logged, the flow having already reported it.
 */
public final class KioskViewModel {

    private static final Logger log = LoggerFactory.getLogger(KioskViewModel.class);

    private final KioskIdentity identity;
    private final KioskInput kiosk;
    private final Clock clock;
    private final Executor uiThread;
    private final KeyboardWedge wedge;

    private final ReadOnlyObjectWrapper<ScreenState> screen;
    private final ReadOnlyObjectWrapper<Messages> messages;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyObjectWrapper<ZonedDateTime> now;
    private final MaintenanceViewModel maintenance;
    private final HealthViewModel health;
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper(this, "largeText");

    private final StringBinding categoryName;
    private final StringBinding welcomeTitle;
    private final StringBinding rejection;
    private final StringBinding thanks;
    private final ObjectBinding<Purpose> recordedPurpose;
    private final StringBinding date;
    private final StringBinding time;

    /** A model whose health check has the default retention and no duty phone. */
    public KioskViewModel(KioskIdentity identity, Language language, KioskInput kiosk, Clock clock,
            Executor uiThread, KeyboardWedge wedge) {
        this(identity, language, kiosk, clock, uiThread, wedge,
                new HealthCheckConfig(HealthCheckConfig.DEFAULT_RETENTION, null, HealthTimings.DEFAULT));
    }

    /**
     * @param language the language of the home screen until the kiosk shows its first screen
     * @param clock    for the clock on screen, in the kiosk's time zone
     * @param health   the health check's settings its screens tell: retention, duty phone
     */
    public KioskViewModel(KioskIdentity identity, Language language, KioskInput kiosk, Clock clock,
            Executor uiThread, KeyboardWedge wedge, HealthCheckConfig health) {
        this.identity = identity;
        this.kiosk = kiosk;
        this.clock = clock;
        this.uiThread = uiThread;
        this.wedge = wedge;
        this.screen = new ReadOnlyObjectWrapper<>(this, "screen", ScreenState.of(Screen.HOME, language));
        this.messages = new ReadOnlyObjectWrapper<>(this, "messages", Messages.of(language));
        this.now = new ReadOnlyObjectWrapper<>(this, "now", ZonedDateTime.now(clock));
        this.screen.addListener((o, old, state) -> messages.set(Messages.of(state.language())));
        this.maintenance = new MaintenanceViewModel(identity, messages.getReadOnlyProperty(),
                now.getReadOnlyProperty(), kiosk::visitsToday, uiThread);
        this.health = new HealthViewModel(messages.getReadOnlyProperty(), screen.getReadOnlyProperty(), this::tap,
                health, clock.getZone());

        categoryName = Bindings.createStringBinding(
                () -> messages.get().category(screen.get().category()), messages, screen);
        welcomeTitle = Bindings.createStringBinding(
                () -> messages.get().format("welcome.title", categoryName.get()), messages, categoryName);
        rejection = Bindings.createStringBinding(
                () -> messages.get().rejection(screen.get().reason()), messages, screen);
        recordedPurpose = Bindings.createObjectBinding(() -> screen.get().purpose(), screen);
        thanks = Bindings.createStringBinding(() -> recordedPurpose.get() == null ? ""
                : messages.get().format("thanks.message", messages.get().purpose(recordedPurpose.get())),
                messages, recordedPurpose);
        date = Bindings.createStringBinding(() -> now.get().format(
                DateTimeFormatter.ofPattern(messages.get().text("clock.date"), messages.get().language().locale())),
                messages, now);
        time = Bindings.createStringBinding(
                () -> now.get().format(DateTimeFormatter.ofPattern(messages.get().text("clock.time"))), messages, now);
    }

    /**
     * A model mirroring {@code kiosk}, subscribed to its events and knowing its devices' statuses so far;
     * the caller may start the kiosk before or after.
     */
    public static KioskViewModel attach(KioskAssembly kiosk, Executor uiThread) {
        KioskViewModel model = new KioskViewModel(KioskIdentity.of(kiosk.config()), kiosk.config().language(),
                KioskInput.of(kiosk), kiosk.time(), uiThread, new KeyboardWedge(), kiosk.config().health());
        kiosk.subscribe(model::onEvent);
        // Taken after subscribing: whatever changes from here on also arrives as an event, which wins.
        model.devicesKnown(kiosk.deviceStatuses());
        return model;
    }

    /** Any thread: takes a kiosk event over to the UI thread. */
    public void onEvent(KioskEvent event) {
        uiThread.execute(() -> apply(event));
    }

    /**
     * Any thread: the devices' statuses from the kiosk's status board, for devices no event has told the
     * model about yet; taken over to the UI thread in order with the events.
     */
    public void devicesKnown(List<DeviceStatus> snapshot) {
        List<DeviceStatus> copy = List.copyOf(snapshot);
        uiThread.execute(() -> maintenance.devicesKnown(copy));
    }

    private void apply(KioskEvent event) {
        if (event instanceof KioskEvent.ScreenShown shown) {
            // First, so that a reading no longer on show is gone before the screen's words are worked out again.
            health.screenShown(shown.state());
            screen.set(shown.state());
            if (shown.state().screen() == Screen.MAINTENANCE) {
                maintenance.refreshVisitsToday();
            }
        } else if (event instanceof KioskEvent.DeviceChanged changed) {
            maintenance.deviceChanged(changed.status());
        } else if (event instanceof KioskEvent.Measured measured) {
            health.measured(measured.measurement());
        } else if (event instanceof KioskEvent.HealthAssessed assessed) {
            health.assessed(assessed.result());
        } else if (event instanceof KioskEvent.HealthRefused) {
            health.refused();
        } else if (event instanceof KioskEvent.HealthDataDeleted deleted) {
            health.deleted(deleted.readings());
        } else if (event instanceof KioskEvent.Ready) {
            ready.set(true);
        } else if (event instanceof KioskEvent.NoticeShown shown) {
            notice.set(shown.notice());
        } else if (event instanceof KioskEvent.NoticeCleared) {
            notice.set(null);
        } else if (event instanceof KioskEvent.LargeTextChanged changed) {
            largeText.set(changed.on());
        } else if (event instanceof KioskEvent.Failure failure) {
            // The flow logs what it cannot record; a tap on a button that just went away is only told here.
            log.warn("kiosk reported: {}", failure.message());
        }
    }

    /** The maintainers' notice on the home screen; null when there is none. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The notice's text: Chinese, and English beneath it when the maintainers wrote one; empty when none. */
    public StringBinding noticeText() {
        return Bindings.createStringBinding(() -> {
            Notice n = notice.get();
            if (n == null) {
                return "";
            }
            return n.en() == null || n.en().isBlank() ? n.zh() : n.zh() + "\n" + n.en();
        }, notice);
    }

    /** Whether the large-text theme is on; starts from the configuration, then follows config-set. */
    public ReadOnlyBooleanProperty largeTextProperty() {
        return largeText.getReadOnlyProperty();
    }

    /** The large-text setting of the configuration, before any change arrives. */
    public void largeTextConfigured(boolean on) {
        largeText.set(on);
    }

    public ReadOnlyObjectProperty<ScreenState> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** True once the kiosk has started and its home screen takes input. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ZonedDateTime> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public String siteName() {
        return identity.siteName();
    }

    /** The devices' statuses, this kiosk's identity and today's visits, for the maintenance screen. */
    public MaintenanceViewModel maintenance() {
        return maintenance;
    }

    /** The health check's reading, cuff pressure and settings, and its buttons, for the health screens. */
    public HealthViewModel health() {
        return health;
    }

    /** The text of {@code key} in the current screen's language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> messages.get().text(key), messages);
    }

    /** The text of {@code key} in the language not shown, for a bilingual hint. */
    public StringBinding textInOtherLanguage(String key) {
        return Bindings.createStringBinding(() -> Messages.of(other(messages.get().language())).text(key), messages);
    }

    public StringBinding purposeName(Purpose purpose) {
        return Bindings.createStringBinding(() -> messages.get().purpose(purpose), messages);
    }

    /** The visitor's category in words, on welcome, already-checked-in and thanks. */
    public StringBinding categoryName() {
        return categoryName;
    }

    public StringBinding welcomeTitle() {
        return welcomeTitle;
    }

    /** On the rejected screen: why, and what to do, in plain words. */
    public StringBinding rejection() {
        return rejection;
    }

    public StringBinding thanks() {
        return thanks;
    }

    /** The purpose the visit is recorded with (the default until the visitor chooses), or null. */
    public ObjectBinding<Purpose> recordedPurpose() {
        return recordedPurpose;
    }

    public StringBinding date() {
        return date;
    }

    public StringBinding time() {
        return time;
    }

    /** Reads the clock again; the window calls it every second. */
    public void tick() {
        now.set(ZonedDateTime.now(clock));
    }

    public void checkInWithoutPass() {
        tap(KioskFlow.WALK_IN);
    }

    public void chooseLanguage(Language language) {
        tap(KioskFlow.LANGUAGE_PREFIX + language.code());
    }

    public void choosePurpose(Purpose purpose) {
        tap(KioskFlow.PURPOSE_PREFIX + purpose.code());
    }

    public void goHome() {
        tap(KioskFlow.HOME);
    }

    /**
     * The maintainer's gesture (holding the header) opens the maintenance screen from home. The header is on
     * every screen; elsewhere the gesture does nothing, rather than ask the kiosk for a button not shown.
     */
    public void openMaintenance() {
        if (screen.get().screen() == Screen.HOME) {
            tap(KioskFlow.MAINTENANCE);
        }
    }

    /** Characters typed into the window, from the keyboard-wedge scanner or anyone with a keyboard. */
    public void keyTyped(String characters, long nanoTime) {
        for (int i = 0; i < characters.length(); i++) {
            wedge.type(characters.charAt(i), nanoTime).ifPresent(this::scan);
        }
    }

    public void scan(String text) {
        logFailure("scan", kiosk.scan(text));
    }

    private void tap(String button) {
        logFailure("tap " + button, kiosk.tap(button));
    }

    private static void logFailure(String input, CompletableFuture<Void> handled) {
        handled.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.error("kiosk failed on {}", input, failure);
            }
        });
    }

    private static Language other(Language language) {
        return language == Language.ZH ? Language.EN : Language.ZH;
    }
}
