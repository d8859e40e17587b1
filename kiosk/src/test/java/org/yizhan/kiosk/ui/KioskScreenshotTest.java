package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.provisioning.pass.VisitorCategory;

/**
 * Photographs the real window. Every picture goes to {@code target/screenshots} (system property
 * {@code yizhan.screenshots}); {@code home.png}, {@code checked-in.png}, {@code maintenance.png},
 * {@code health-result.png} and {@code health-trend.png} also go to the directory in
 * {@code yizhan.docs.images} when it is set, which the {@code screenshots} Maven profile points at
 * {@code docs/images}:
 * {@code mvn -B -o -pl kiosk test -Pscreenshots -Dtest='*Screenshot*'}.
 */
class KioskScreenshotTest {

    private static final int GREEN = 0x1b6e3c;
    private static final int PAPER = 0xf6f4ef;
    private static final int GRADE_1 = 0x8f4a00;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void the_home_and_checked_in_screens_are_photographed_for_the_docs(@TempDir Path dataDir) throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir)) {
            BufferedImage home = photograph(window, "home.png", true);
            assertPicture(home, PAPER);

            window.scanWithScanner(window.pass(VisitorCategory.RIDER));
            window.waitForScreen(Screen.WELCOME);
            BufferedImage checkedIn = photograph(window, "checked-in.png", true);
            assertPicture(checkedIn, GREEN);
        }
    }

    @Test
    void the_maintenance_screen_is_photographed_for_the_docs_with_a_device_in_each_state(@TempDir Path dataDir)
            throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir)) {
            // given two visits today, two hours of running, then an unplugged scanner and a cuff sending garbage
            window.scanWithScanner(window.pass(VisitorCategory.RIDER));
            window.waitForScreen(Screen.WELCOME);
            robot.clickOn("#home");
            window.waitForScreen(Screen.HOME);
            robot.clickOn("#walk-in");
            window.waitForScreen(Screen.WALK_IN);
            robot.clickOn("#purpose-health");
            window.waitForScreen(Screen.THANKS);
            KioskAssembly.await(window.kiosk().advanceClock(Duration.ofMinutes(125)));
            window.waitForScreen(Screen.HOME);
            KioskAssembly.await(window.kiosk().simulate(devices -> devices.unplug("scanner")));
            BleNotification truncated = BleNotification.parse("2A35 04 78 00 50");
            KioskAssembly.await(window.kiosk().simulate(devices -> devices.ble(truncated)));
            KioskAssembly.await(window.kiosk().advanceClock(Duration.ofMinutes(12)));

            // when
            KioskAssembly.await(window.kiosk().tap(KioskFlow.MAINTENANCE));

            // then
            window.waitForScreen(Screen.MAINTENANCE);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> "今日来访 2 人次".equals(window.text(".maintenance-visits")));
            // The window's clock reads kiosk time once a second; until then "for …" counts from before the jump.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> window.text("#device-light .device-since").contains("2小时"));
            BufferedImage maintenance = photograph(window, "maintenance.png", true);
            assertPicture(maintenance, PAPER);

            KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "en"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> "Device status".equals(window.text(".maintenance-title")));
            photograph(window, "maintenance-en.png", false);
        }
    }

    @Test
    void every_other_screen_is_photographed_for_review(@TempDir Path dataDir) throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir)) {
            String pass = window.pass(VisitorCategory.RESIDENT);
            window.scanWithScanner(pass);
            window.waitForScreen(Screen.WELCOME);
            // Read again at once it would be the same scan; a few seconds later it is a second visit.
            KioskAssembly.await(window.kiosk().advanceClock(Duration.ofSeconds(3)));
            window.scanWithScanner(pass);
            window.waitForScreen(Screen.ALREADY_CHECKED_IN);
            photograph(window, "already-checked-in.png", false);

            window.scanWithScanner(window.expiredPass(VisitorCategory.COURIER));
            window.waitForScreen(Screen.REJECTED);
            photograph(window, "rejected.png", false);

            robot.clickOn("#home");
            window.waitForScreen(Screen.HOME);
            robot.clickOn("#walk-in");
            window.waitForScreen(Screen.WALK_IN);
            photograph(window, "walk-in.png", false);

            robot.clickOn("#purpose-health");
            window.waitForScreen(Screen.THANKS);
            photograph(window, "thanks.png", false);

            robot.clickOn("#home");
            window.waitForScreen(Screen.HOME);
            robot.clickOn("#lang-en");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> "Please scan your pass".equals(window.text(".home-prompt")));
            photograph(window, "home-en.png", false);

            window.scanWithScanner(window.pass(VisitorCategory.STAFF));
            window.waitForScreen(Screen.WELCOME);
            photograph(window, "checked-in-en.png", false);

            // a visit log that can no longer write is what puts the kiosk out of order
            window.kiosk().visitLog().close();
            window.scanWithScanner(window.pass(VisitorCategory.VISITOR));
            window.waitForScreen(Screen.OUT_OF_ORDER);
            photograph(window, "out-of-order.png", false);
        }
    }

    @Test
    void the_large_text_theme_is_photographed_for_review(@TempDir Path dataDir) throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir, "ui.large-text = true")) {
            photograph(window, "home-large-text.png", false);
            window.scanWithScanner(window.pass(VisitorCategory.COURIER));
            window.waitForScreen(Screen.WELCOME);
            photograph(window, "checked-in-large-text.png", false);
        }
    }

    @Test
    void the_health_check_s_result_and_trend_are_photographed_for_the_docs(@TempDir Path dataDir) throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir, "health.duty-phone = 021-5888 1234")) {
            // given a resident who kept four readings on four days
            String pass = window.pass(VisitorCategory.RESIDENT);
            for (String reading : List.of(HealthCheckWindowTest.READING_128_82, HealthCheckWindowTest.READING_132_84,
                    HealthCheckWindowTest.READING_126_80, HealthCheckWindowTest.READING_135_86)) {
                HealthCheckWindowTest.measureKeeping(window, robot, pass, reading);
                KioskAssembly.await(window.kiosk().advanceClock(Duration.ofDays(1)));
                window.waitForScreen(Screen.HOME);
            }

            // when a fifth reading is higher, with an irregular pulse
            robot.clickOn("#health");
            window.waitForScreen(Screen.HEALTH_CONSENT);
            photograph(window, "health-consent.png", false);
            robot.clickOn("#consent-keep");
            window.waitForScreen(Screen.HEALTH_IDENTIFY);
            photograph(window, "health-identify.png", false);
            window.scanWithScanner(pass);
            window.waitForScreen(Screen.HEALTH_MEASURING);
            photograph(window, "health-measuring.png", false);
            HealthCheckWindowTest.ble(window, "2A36 00 96 00 FF 07 FF 07");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.text("#cuff-pressure").startsWith("150"));
            photograph(window, "health-measuring-pressure.png", false);
            HealthCheckWindowTest.ble(window, HealthCheckWindowTest.READING_142_88_IRREGULAR);

            // then
            window.waitForScreen(Screen.HEALTH_RESULT);
            BufferedImage result = photograph(window, "health-result.png", true);
            assertPicture(result, GRADE_1);
            robot.clickOn("#trend");
            window.waitForScreen(Screen.HEALTH_TREND);
            BufferedImage trend = photograph(window, "health-trend.png", true);
            assertPicture(trend, PAPER);

            KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "en"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "My trend".equals(window.text(".trend-title")));
            photograph(window, "health-trend-en.png", false);
        }
    }

    @Test
    void every_other_health_screen_is_photographed_for_review(@TempDir Path dataDir) throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir, "health.duty-phone = 021-5888 1234")) {
            String pass = window.pass(VisitorCategory.RESIDENT);
            HealthCheckWindowTest.measureKeeping(window, robot, pass, HealthCheckWindowTest.READING_118_76);
            photograph(window, "health-result-normal.png", false);
            KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "en"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Measure again".equals(window.text("#measure-again")));
            photograph(window, "health-result-normal-en.png", false);

            robot.clickOn("#measure-again");
            window.waitForScreen(Screen.HEALTH_MEASURING);
            photograph(window, "health-measuring-en.png", false);
            // the most a result has to say: three flags, in English
            HealthCheckWindowTest.ble(window, "2A35 14 8E 00 58 00 6A 00 4C 00 07 00");
            window.waitForScreen(Screen.HEALTH_RESULT);
            photograph(window, "health-result-flags-en.png", false);
            robot.clickOn("#measure-again");
            window.waitForScreen(Screen.HEALTH_MEASURING);
            HealthCheckWindowTest.ble(window, HealthCheckWindowTest.READING_185_100);
            window.waitForScreen(Screen.HEALTH_CRISIS);
            photograph(window, "health-crisis-en.png", false);
            KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "zh"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "返回".equals(window.text("#home")));
            photograph(window, "health-crisis.png", false);

            robot.clickOn("#home");
            window.waitForScreen(Screen.HOME);
            robot.clickOn("#health");
            window.waitForScreen(Screen.HEALTH_CONSENT);
            robot.clickOn("#consent-anonymous");
            window.waitForScreen(Screen.HEALTH_MEASURING);
            HealthCheckWindowTest.ble(window, HealthCheckWindowTest.READING_IMPLAUSIBLE);
            window.waitForScreen(Screen.HEALTH_RESULT);
            photograph(window, "health-refused.png", false);
            robot.clickOn("#measure-again");
            window.waitForScreen(Screen.HEALTH_MEASURING);
            KioskAssembly.await(window.kiosk().advanceClock(Duration.ofMinutes(3)));
            window.waitForScreen(Screen.HEALTH_TIMEOUT);
            photograph(window, "health-timeout.png", false);

            robot.clickOn("#home");
            window.waitForScreen(Screen.HOME);
            photograph(window, "home-with-health.png", false);
            robot.clickOn("#health");
            window.waitForScreen(Screen.HEALTH_CONSENT);
            robot.clickOn("#delete-my-data");
            window.waitForScreen(Screen.HEALTH_DELETE);
            window.scanWithScanner(window.expiredPass(VisitorCategory.RESIDENT));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.onFx(
                    () -> window.scene().lookup("#health-delete-refused").isVisible()));
            photograph(window, "health-delete-refused.png", false);
            window.scanWithScanner(pass);
            window.waitForScreen(Screen.HEALTH_DELETE_CONFIRM);
            photograph(window, "health-delete-confirm.png", false);
            robot.clickOn("#confirm-delete");
            window.waitForScreen(Screen.HEALTH_DELETED);
            photograph(window, "health-deleted.png", false);
        }
    }

    @Test
    void the_home_screen_with_the_health_button_is_photographed_in_english_and_large_text(@TempDir Path dataDir)
            throws Exception {
        try (KioskOnScreen window = KioskOnScreen.open(dataDir, "ui.large-text = true")) {
            robot.clickOn("#lang-en");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> "Please scan your pass".equals(window.text(".home-prompt")));
            photograph(window, "home-en-large-text.png", false);
        }
    }

    private static BufferedImage photograph(KioskOnScreen window, String name, boolean forDocs) throws Exception {
        WritableImage snapshot = window.onFx(() -> window.scene().snapshot(null));
        BufferedImage image = toBufferedImage(snapshot);
        Path file = directory("yizhan.screenshots", "target/screenshots").resolve(name);
        ImageIO.write(image, "png", file.toFile());
        String docs = System.getProperty("yizhan.docs.images", "");
        if (forDocs && !docs.isBlank()) {
            Files.copy(file, directory("yizhan.docs.images", docs).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return image;
    }

    /** Copies pixels by hand, so the tests need no javafx-swing. */
    private static BufferedImage toBufferedImage(WritableImage snapshot) {
        int width = (int) snapshot.getWidth();
        int height = (int) snapshot.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = snapshot.getPixelReader();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            pixels.getPixels(0, y, width, 1, PixelFormat.getIntArgbInstance(), row, 0, width);
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static Path directory(String property, String fallback) throws IOException {
        String configured = System.getProperty(property, "");
        return Files.createDirectories(Path.of(configured.isBlank() ? fallback : configured));
    }

    /** The whole window, in the screen's colour, with something drawn on it. */
    private static void assertPicture(BufferedImage image, int background) {
        assertEquals(KioskWindow.WIDTH, image.getWidth());
        assertEquals(KioskWindow.HEIGHT, image.getHeight());
        assertEquals(background, image.getRGB(image.getWidth() - 4, image.getHeight() - 4) & 0xffffff,
                "background colour in the bottom right corner");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "only " + colours.size() + " colours: is anything drawn?");
    }
}
