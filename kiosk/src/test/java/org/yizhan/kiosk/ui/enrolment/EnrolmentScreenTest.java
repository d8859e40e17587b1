package org.yizhan.kiosk.ui.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.kiosk.enrolment.KioskEnrolment;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.fleet.Fleet;

/** The blank kiosk's window: scanned with its keyboard-wedge scanner, it refuses in words and then enrols. */
class EnrolmentScreenTest {

    @TempDir
    Path tmp;

    private EnrolmentScreen screen;
    private Scene scene;
    private Path configFile;
    private Path fleetDir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        fleetDir = tmp.resolve("fleet");
        Fleet.init(fleetDir, new SecureRandom(), Clock.systemUTC());
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.copy(fleetDir.resolve("trusted-command-keys.jwks"), etc.resolve("trusted-command-keys.jwks"));
        configFile = etc.resolve("kiosk.conf");
        KioskEnrolment enrolment = new KioskEnrolment(configFile, KioskEnrolment.defaultFleetKeys(configFile),
                Clock.systemUTC());
        screen = new EnrolmentScreen(enrolment::enrol, Runnable::run, Platform::runLater);
        FxToolkit.setupStage(stage -> {
            scene = screen.scene(1280, 800, EnrolmentScreen.class.getResource("/org/yizhan/kiosk/ui/kiosk.css")
                    .toExternalForm(), "System");
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void the_screen_asks_for_the_code_refuses_an_expired_one_in_words_and_shows_the_new_name_once_enrolled()
            throws Exception {
        assertEquals("请扫描登记码", label("#enrolment-title"));

        // an expired code
        Fleet.open(fleetDir, new SecureRandom(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-30)))
                .enroll("pujin", "k-1", "浦锦 24h window 1", null, "tcp://127.0.0.1:1883", false, Duration.ofHours(24),
                        ZoneOffset.UTC);
        scanWithScanner(qrText());
        waitFor(() -> label("#enrolment-title").equals("登记码已过期，请打印新的登记码"));
        assertTrue(label("#enrolment-detail").contains("expired at"), label("#enrolment-detail"));
        assertTrue(KioskEnrolment.needed(configFile), "nothing written");

        // a fresh code for the same kiosk
        Fleet.open(fleetDir, new SecureRandom(), Clock.systemUTC()).printEnrolmentCode(
                new KioskId("pujin", "k-1"), Duration.ofHours(24), ZoneOffset.UTC);
        scanWithScanner(qrText());
        waitFor(() -> label("#enrolment-title").equals("登记完成：浦锦 24h window 1"));
        assertEquals("pujin/k-1", screen.enrolled().get(5, TimeUnit.SECONDS).code().kiosk().toString());
        assertTrue(Files.isRegularFile(configFile));
    }

    private String qrText() throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(fleetDir.resolve("kiosks/pujin.k-1/enrolment.png").toFile()))))).getText();
    }

    /** Types {@code text} and Enter as a keyboard-wedge scanner does: a few milliseconds per character. */
    private void scanWithScanner(String text) {
        Platform.runLater(() -> {
            long nanos = System.nanoTime();
            for (char c : (text + "\r").toCharArray()) {
                nanos += 3_000_000;
                screen.keyTyped(String.valueOf(c), nanos);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) scene.lookup(id)).getText()).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
