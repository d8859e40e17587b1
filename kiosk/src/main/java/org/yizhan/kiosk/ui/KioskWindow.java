package org.yizhan.kiosk.ui;

import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.enrolment.KioskEnrolment;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.ui.demo.SimulatedScan;
import org.yizhan.kiosk.ui.demo.SimulatedScannerWindow;
import org.yizhan.kiosk.ui.enrolment.EnrolmentScreen;

/**
 * The kiosk's touchscreen window, 1280×800 (a 10" panel). It starts the JavaFX toolkit itself with
 * {@link Platform#startup} — no class extends {@code Application}, whose launcher refuses to run from a
 * plain jar ("JavaFX runtime components are missing").
 *
 * <p>Full screen: with the environment variable {@code YIZHAN_FULLSCREEN=1} (meant for the Pi's kiosk
 * service) or the system property {@code -Dyizhan.fullscreen=true}, the window is undecorated and full
 * screen, with no exit hint, no key that leaves full screen, and no mouse pointer. Otherwise it is an
 * ordinary 1280×800 window, for development.
 *
 * <p>Input: the keyboard-wedge scanner types into the window; every key event is taken by the window's
 * scan detection and consumed, so no keystroke can work a control.
 *
 * <p>Threading: {@link #run} is called on the main thread and blocks it until the window closes.
 * {@link #createScene} must be called on the JavaFX thread.
 */
public final class KioskWindow {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final String FULLSCREEN_ENV = "YIZHAN_FULLSCREEN";
    public static final String FULLSCREEN_PROPERTY = "yizhan.fullscreen";

    /** Simplified Chinese sans-serif faces, best first: Debian's fonts-noto-cjk, then fonts-wqy-*. */
    static final List<String> FONT_FAMILIES =
            List.of("Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback");

    private static final Logger log = LoggerFactory.getLogger(KioskWindow.class);

    private KioskWindow() {
    }

    private static final Duration ENROLLED_MESSAGE_TIME = Duration.seconds(3);

    /**
     * Opens the window on {@code kiosk}, starts the kiosk, and returns when the window is closed, after
     * shutting the toolkit down: 0, or 1 when the window could not be opened.
     */
    public static int run(KioskAssembly kiosk) {
        return run(kiosk, List.of());
    }

    /**
     * As {@link #run(KioskAssembly)}, with a simulated scanner window beside the kiosk that presents
     * {@code demoScans} — for the demo, where there may be no scanner at hand.
     */
    public static int run(KioskAssembly kiosk, List<SimulatedScan> demoScans) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        startToolkit(() -> {
            try {
                open(kiosk, demoScans, closed);
            } catch (RuntimeException e) {
                failed.set(e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        if (failed.get() != null) {
            log.error("the kiosk window could not be opened", failed.get());
            return 1;
        }
        return 0;
    }

    /**
     * Shows a blank kiosk's enrolment screen ({@link EnrolmentScreen}) until a code is accepted — then its new name
     * for a moment — or the window is closed (empty). The toolkit stays up for {@link #run}.
     */
    public static Optional<KioskEnrolment.Enrolled> enrol(KioskEnrolment enrolment) {
        EnrolmentScreen screen = new EnrolmentScreen(enrolment::enrol, task -> new Thread(task, "enrolment").start(),
                Platform::runLater);
        CompletableFuture<Optional<KioskEnrolment.Enrolled>> result = new CompletableFuture<>();
        startToolkit(() -> {
            Platform.setImplicitExit(false);
            Stage stage = new Stage(fullScreen() ? StageStyle.UNDECORATED : StageStyle.DECORATED);
            stage.setTitle(Messages.of(Language.ZH).text("window.title"));
            stage.setScene(screen.scene(WIDTH, HEIGHT, stylesheet("kiosk.css"), fontFamily(Font.getFamilies())));
            stage.setOnHidden(event -> result.complete(screen.enrolled().isDone()
                    ? Optional.of(screen.enrolled().join()) : Optional.empty()));
            stage.show();
            if (fullScreen()) {
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                stage.setFullScreen(true);
                stage.getScene().setCursor(Cursor.NONE);
            }
            // Long enough to read the new name; the kiosk's own window follows.
            screen.enrolled().thenRun(() -> {
                PauseTransition pause = new PauseTransition(ENROLLED_MESSAGE_TIME);
                pause.setOnFinished(event -> stage.hide());
                pause.play();
            });
        });
        Optional<KioskEnrolment.Enrolled> outcome = result.join();
        if (outcome.isEmpty()) {
            Platform.exit();
        }
        return outcome;
    }

    /** Starts the JavaFX toolkit with {@code first}, or runs {@code first} on it when it is up already. */
    private static void startToolkit(Runnable first) {
        try {
            Platform.startup(first);
        } catch (IllegalStateException alreadyStarted) {
            Platform.runLater(first);
        }
    }

    private static void open(KioskAssembly kiosk, List<SimulatedScan> demoScans, CountDownLatch closed) {
        Scene scene = createScene(kiosk);
        Stage stage = new Stage(fullScreen() ? StageStyle.UNDECORATED : StageStyle.DECORATED);
        stage.setTitle(Messages.of(kiosk.config().language()).text("window.title"));
        stage.setScene(scene);
        stage.setOnHidden(event -> closed.countDown());
        stage.show();
        if (fullScreen()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            // After show(): Monocle cannot make a window full screen before it has been shown.
            stage.setFullScreen(true);
            scene.setCursor(Cursor.NONE);
        }
        if (!demoScans.isEmpty()) {
            Stage scanner = SimulatedScannerWindow.show(kiosk, demoScans, stage);
            stage.setOnHidden(event -> {
                scanner.close();
                closed.countDown();
            });
        }
        kiosk.start().whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.error("the kiosk did not start", failure);
            }
        });
    }

    /**
     * The window's scene for {@code kiosk}, subscribed to its events and forwarding input to it, for a
     * stage of the caller's (the window's own, or a test's). The caller starts the kiosk.
     */
    public static Scene createScene(KioskAssembly kiosk) {
        return createScene(KioskViewModel.attach(kiosk, Platform::runLater), kiosk.config().largeText());
    }

    static Scene createScene(KioskViewModel model, boolean largeText) {
        Parent root = new KioskView(model).root();
        root.setStyle("-fx-font-family: \"" + fontFamily(Font.getFamilies()) + "\";");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(stylesheet("kiosk.css"));
        // The fleet may switch large text while the kiosk runs (config-set ui.large-text).
        String large = stylesheet("large-text.css");
        model.largeTextProperty().addListener((o, was, on) -> {
            if (on) {
                scene.getStylesheets().add(large);
            } else {
                scene.getStylesheets().remove(large);
            }
        });
        model.largeTextConfigured(largeText);
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> model.keyTyped(event.getCharacter(), System.nanoTime()));
        scene.addEventFilter(KeyEvent.ANY, Event::consume);
        return scene;
    }

    /**
     * The first of {@link #FONT_FAMILIES} that is installed, else JavaFX's "System" family, whose fontconfig
     * fallbacks still find some CJK font. Chosen here because JavaFX CSS takes one family, not a list.
     */
    static String fontFamily(Collection<String> installed) {
        return FONT_FAMILIES.stream().filter(installed::contains).findFirst().orElse("System");
    }

    private static String stylesheet(String name) {
        URL url = Objects.requireNonNull(KioskWindow.class.getResource(name), () -> "missing stylesheet " + name);
        return url.toExternalForm();
    }

    private static boolean fullScreen() {
        return "1".equals(System.getenv(FULLSCREEN_ENV)) || Boolean.getBoolean(FULLSCREEN_PROPERTY);
    }
}
