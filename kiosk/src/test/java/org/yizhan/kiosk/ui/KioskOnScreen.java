package org.yizhan.kiosk.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;

/**
 * A real kiosk on the demo site in a data directory, its window's scene in TestFX's stage, and the
 * demo site's key to issue passes with. Lookups run on the JavaFX thread.
 */
final class KioskOnScreen implements AutoCloseable {

    private static final AtomicInteger VISITORS = new AtomicInteger();

    private final KioskAssembly kiosk;
    private final Scene scene;
    private final PassSigningKey signingKey;

    private KioskOnScreen(KioskAssembly kiosk, Scene scene, PassSigningKey signingKey) {
        this.kiosk = kiosk;
        this.scene = scene;
        this.signingKey = signingKey;
    }

    /** Opens and starts the kiosk; {@code configLines} go into a config file when given. */
    static KioskOnScreen open(Path dataDir, String... configLines) throws Exception {
        Path configFile = null;
        if (configLines.length > 0) {
            configFile = Files.write(dataDir.resolve("kiosk.conf"), List.of(configLines), StandardCharsets.UTF_8);
        }
        KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(configFile, dataDir), DeviceMode.SIMULATED,
                Clock.systemUTC());
        Stage stage = FxToolkit.registerPrimaryStage();
        Scene scene = FxToolkit.setupFixture(() -> {
            Scene created = KioskWindow.createScene(kiosk);
            stage.setScene(created);
            stage.sizeToScene();
            stage.show();
            return created;
        });
        KioskAssembly.await(kiosk.start());
        KioskOnScreen screen = new KioskOnScreen(kiosk, scene,
                PassSigningKey.read(DemoSite.ensure(dataDir).signingKeyFile()));
        screen.waitForScreen(Screen.HOME);
        return screen;
    }

    Scene scene() {
        return scene;
    }

    KioskAssembly kiosk() {
        return kiosk;
    }

    /** A fresh pass of the demo site for a new visitor, valid for 30 days. */
    String pass(VisitorCategory category) {
        return new PassIssuer(signingKey, Clock.systemUTC())
                .issue("v-test-" + VISITORS.incrementAndGet(), category, "demo", Duration.ofDays(30));
    }

    /** A pass that ran out ten days ago. */
    String expiredPass(VisitorCategory category) {
        Clock issuedEarlier = Clock.fixed(Instant.now().minus(Duration.ofDays(40)), Clock.systemUTC().getZone());
        return new PassIssuer(signingKey, issuedEarlier)
                .issue("v-test-" + VISITORS.incrementAndGet(), category, "demo", Duration.ofDays(30));
    }

    /**
     * Types {@code text} and Enter into the window as a keyboard-wedge scanner does: for each character a
     * key press, the typed character and the release, in one burst, delivered to the focused node (or the
     * root) through the scene like real keystrokes.
     */
    void scanWithScanner(String text) throws Exception {
        onFx(() -> {
            for (char c : (text + "\r").toCharArray()) {
                KeyCode code = c == '\r' ? KeyCode.ENTER : KeyCode.UNDEFINED;
                Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
                Event.fireEvent(target, key(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, code));
                Event.fireEvent(target, key(KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED));
                Event.fireEvent(target, key(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, code));
            }
            return null;
        });
    }

    private static KeyEvent key(EventType<KeyEvent> type, String character, KeyCode code) {
        return new KeyEvent(type, character, "", code, false, false, false, false);
    }

    /** Waits until {@code screen} is the one in the window. */
    void waitForScreen(Screen screen) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> {
                Node view = scene.lookup("#screen-" + screen.id());
                return view != null && view.isVisible();
            }));
        } catch (TimeoutException e) {
            throw new AssertionError("expected the " + screen.id() + " screen within 5 s, the window shows "
                    + onFx(() -> scene.getRoot().getStyleClass()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the first labelled node matching {@code selector} on the current screen. */
    String text(String selector) throws Exception {
        return onFx(() -> {
            Node node = scene.lookup(selector);
            if (!(node instanceof Labeled labeled)) {
                throw new AssertionError("no label " + selector + " on the screen");
            }
            return labeled.getText();
        });
    }

    <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        kiosk.close();
    }
}
