package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.launcher.fleet.DemoConsole;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

/**
 * Done-when 1 of the fleet console, as {@code yizhan demo} wires it (without the window): the demo kiosk shows
 * in the console within seconds, a scanned demo pass moves its footfall, a maintainer logs in with the printed
 * password, and the stopped kiosk shows as lost.
 */
class DemoFleetTest {

    private static final KioskId DEMO_KIOSK = new KioskId("demo", "kiosk-1");

    @TempDir
    static Path brokerDir;
    private static EmbeddedTestBroker broker;

    @TempDir
    Path data;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void the_demo_kiosk_appears_counts_a_scan_and_is_lost_when_it_stops() throws Exception {
        DemoSite site = DemoSite.ensure(data);
        try (DemoConsole console = DemoConsole.start(data, broker.url(), site)) {
            FleetView view = console.console().view();
            KioskAssembly kiosk = KioskAssembly.create(DemoCommand.kioskConfig(data, broker.url()),
                    DeviceMode.SIMULATED, Clock.systemUTC());
            try {
                KioskAssembly.await(kiosk.start());
                KioskSummary seen = await("the demo kiosk online", () -> find(view),
                        k -> k.isPresent() && k.get().condition() != KioskCondition.LOST).orElseThrow();
                assertEquals("demo", seen.id().site());

                String pass = new PassIssuer(PassSigningKey.read(site.signingKeyFile()), Clock.systemUTC())
                        .issue("demo-rider", VisitorCategory.RIDER, site.siteId(), Duration.ofDays(1));
                KioskAssembly.await(kiosk.scan(pass));
                kiosk.flushTelemetry().get();
                await("the scan in the console's footfall", () -> checkIns(view), n -> n == 1L);

                HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        console.console().uri().resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=" + DemoConsole.USER + "&password="
                                + URLEncoder.encode(console.password(), StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(303, login.statusCode(), login.body());
                assertTrue(login.headers().firstValue("Set-Cookie").isPresent(), "a session");
            } finally {
                kiosk.close();
            }
            await("the stopped kiosk lost", () -> find(view),
                    k -> k.isPresent() && k.get().condition() == KioskCondition.LOST);
        }
    }

    private static Optional<KioskSummary> find(FleetView view) {
        return view.kiosks(KioskFilter.ALL).stream().filter(k -> k.id().equals(DEMO_KIOSK)).findFirst();
    }

    private static long checkIns(FleetView view) {
        Instant now = Instant.now();
        return view.footfall(new FootfallQuery("demo", null, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)),
                FootfallQuery.Period.HOUR, ZoneId.of("Asia/Shanghai"))).stream()
                .mapToLong(row -> row.counts().checkIns()).sum();
    }

    private static <T> T await(String what, Supplier<T> value, Predicate<T> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = value.get();
        while (!until.test(last)) {
            assertTrue(System.nanoTime() < deadline, what + ": still " + last + " after 30 s");
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}
