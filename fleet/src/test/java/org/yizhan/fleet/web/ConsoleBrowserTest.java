package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yizhan.fleet.command.CommandSender;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.fleet.web.metrics.IngestStatistics;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.testsupport.command.FakeKiosk;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

/**
 * The console in a real browser: headless Chromium driven by chromedriver (both from the system's packages,
 * {@code apt-get install chromium chromium-driver}; Selenium is told where they are and downloads nothing),
 * against the console over a {@link SampleFleet}, with commands going through an embedded broker to a
 * {@link FakeKiosk}. Skipped, saying why, where chromium or chromedriver is missing. Photographs the overview,
 * a kiosk and the footfall at 1366×900 into {@code target/screenshots}, and into {@code docs/images} with
 * {@code -Pscreenshots}.
 */
@Tag("browser")
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("yizhan.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("yizhan.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static EmbeddedTestBroker broker;
    private static PahoFleetConnection connection;
    private static FakeKiosk kiosk;
    private static FleetWebServer server;
    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static SampleFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "browser tests need "
                + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        broker = EmbeddedTestBroker.start(dir);
        CommandSigningKey key = CommandSigningKey.generate();
        connection = PahoFleetConnection.connect(FleetConnectionSettings.anonymous(broker.url(), "console-test"));
        kiosk = FakeKiosk.start(broker.url(), SampleFleet.PUJIN_1, key.trusted(), FakeKiosk.obeying(accepted -> {
            CommandArgs.Notice notice = (CommandArgs.Notice) accepted.command().args();
            return CommandResult.ok(Envelope.next(1, Instant.now()), accepted.command(),
                    "notice shown until " + notice.until(), Map.of());
        }));
        fleet = SampleFleet.at(Instant.now());
        CommandSender sender = new CommandSender(connection, key, Clock.systemUTC());
        server = FleetWebServer.start(fleet, sender::send, WebSettings.of(TestConsole.MAINTAINERS).withPort(0),
                Clock.systemUTC(), IngestStatistics.NONE);

        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900",
                "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        // exactly 1366×900 of page, whatever the headless window keeps for itself
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void without_a_session_the_kiosk_list_sends_to_the_login_where_a_wrong_password_is_refused() {
        open("/kiosks");
        assertTrue(browser.getCurrentUrl().contains("/login?next=%2Fkiosks"), browser.getCurrentUrl());

        typeLogin(TestConsole.MAINTAINER, "wrong password");
        WebElement error = waitFor(By.id("login-error"));
        assertEquals("用户名或密码错误。", error.getText());

        typeLogin(TestConsole.MAINTAINER, TestConsole.PASSWORD);
        waitFor(By.cssSelector("table.kiosks"));
        assertTrue(browser.getCurrentUrl().endsWith("/kiosks"), browser.getCurrentUrl());
        assertEquals(23, browser.findElements(By.cssSelector("table.kiosks tbody tr")).size());
    }

    @Test
    void the_overview_shows_each_site_with_its_kiosks_by_condition_in_colour_and_words() throws IOException {
        logIn();
        open("/");

        List<WebElement> counts = browser.findElements(By.cssSelector(".counts .count"));
        assertEquals("18\n● 在线", counts.get(0).getText());
        assertEquals("4\n▲ 异常", counts.get(1).getText());
        assertEquals("1\n✕ 失联", counts.get(2).getText());
        assertEquals(6, browser.findElements(By.cssSelector("article.site")).size());
        WebElement lost = browser.findElement(By.cssSelector("a.tile.lost"));
        assertTrue(lost.getText().contains("kiosk-2") && lost.getText().contains("失联"), lost.getText());
        photograph("fleet-overview.png");
    }

    @Test
    void a_notice_sent_from_the_kiosk_page_reaches_the_kiosk_and_its_answer_shows() throws Exception {
        logIn();
        open("/kiosks/pujin/kiosk-1?lang=en");
        waitForCharts();

        browser.findElement(By.id("notice-zh")).sendKeys("今晚22:00至23:00暂停开放，请见谅。");
        browser.findElement(By.id("notice-en")).sendKeys("Closed tonight 22:00-23:00, sorry.");
        browser.findElement(By.id("command-notice")).click();

        // then the kiosk got the signed notice through the broker
        FakeKiosk.Arrival arrival = kiosk.arrivals().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("yizhan/v1/pujin/kiosk-1/cmd/notice", arrival.topic());
        // and its answer appears on the page without a reload
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#kiosk-commands [data-status]"), "Done"));
        WebElement row = browser.findElement(By.cssSelector("#kiosk-commands tbody tr"));
        assertTrue(row.getText().contains("notice shown until"), row.getText());
        assertTrue(row.getText().contains("今晚22:00至23:00暂停开放"), row.getText());
        waitForCharts();
        browser.executeScript("window.scrollTo(0, 0)");
        photograph("fleet-kiosk.png");
    }

    @Test
    void the_footfall_page_draws_entries_against_check_ins() throws IOException {
        logIn();
        open("/footfall");
        waitForCharts();

        assertTrue(browser.findElement(By.cssSelector("canvas#footfall-chart")).getSize().getHeight() > 100);
        String categories = browser.findElement(By.cssSelector("table.shares")).getText();
        assertTrue(categories.contains("外卖骑手") && categories.contains("居民"), categories);
        assertTrue(browser.findElement(By.id("footfall-csv")).getAttribute("href").contains("/api/v1/footfall.csv"));
        photograph("fleet-footfall.png");
    }

    @Test
    void an_acknowledged_alert_leaves_the_open_alerts() {
        logIn();
        open("/alerts");
        List<WebElement> before = browser.findElements(By.cssSelector("tr[data-alert]"));
        // the oldest, so the overview's picture keeps the fresh ones
        String id = before.get(before.size() - 1).getAttribute("data-alert");

        browser.findElement(By.id("acknowledge-" + id)).click();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("tr[data-alert]"), before.size() - 1));
        assertTrue(browser.findElements(By.cssSelector("tr[data-alert='" + id + "']")).isEmpty());
        open("/alerts?all=true");
        String row = browser.findElement(By.cssSelector("tr[data-alert='" + id + "']")).getText();
        assertTrue(row.contains("已确认") && row.contains(TestConsole.MAINTAINER), row);
    }

    @Test
    void the_language_switch_turns_the_page_into_english_and_back() {
        logIn();
        open("/kiosks");
        assertEquals("终端列表", browser.findElement(By.tagName("h1")).getText());

        browser.findElement(By.id("lang-en")).click();
        assertEquals("Kiosks", waitFor(By.tagName("h1")).getText());
        open("/");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));

        browser.findElement(By.id("lang-zh")).click();
        assertFalse(waitFor(By.cssSelector("nav.main")).getText().contains("Overview"));
    }

    private static void logIn() {
        open("/login");
        typeLogin(TestConsole.MAINTAINER, TestConsole.PASSWORD);
        waitFor(By.cssSelector("nav.main"));
    }

    private static void typeLogin(String name, String password) {
        WebElement nameField = waitFor(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private static void open(String path) {
        browser.get(server.uri().resolve(path).toString());
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void waitForCharts() {
        new WebDriverWait(browser, WAIT).until(driver -> "true".equals(((ChromeDriver) driver)
                .executeScript("return document.body.dataset.chartsReady")));
    }

    private static void photograph(String name) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Files.createDirectories(Path.of(System.getProperty("yizhan.screenshots", "target/screenshots")))
                .resolve(name), png);
        String docs = System.getProperty("yizhan.docs.images", "");
        if (!docs.isBlank()) {
            Files.write(Files.createDirectories(Path.of(docs)).resolve(name), png);
        }
    }
}
