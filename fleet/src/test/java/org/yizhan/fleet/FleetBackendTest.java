package org.yizhan.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.fleet.KioskMessages.birth;
import static org.yizhan.fleet.KioskMessages.device;
import static org.yizhan.fleet.KioskMessages.door;
import static org.yizhan.fleet.KioskMessages.event;
import static org.yizhan.fleet.KioskMessages.fine;
import static org.yizhan.fleet.KioskMessages.footfall;
import static org.yizhan.fleet.KioskMessages.health;
import static org.yizhan.fleet.KioskMessages.online;
import static org.yizhan.fleet.KioskMessages.scanner;
import static org.yizhan.fleet.KioskMessages.will;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.ingest.IngestSettings;
import org.yizhan.fleet.ingest.IngestStatistics;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FleetListener;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskDetail;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.TcpRelay;

/**
 * The console's back end against a real broker (embedded HiveMQ CE over TCP), fed real protocol payloads as
 * kiosks publish them. Each test uses its own site, data directory and client id, since the broker (and its
 * retained messages) is shared by the class.
 */
class FleetBackendTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final IngestSettings QUICK = IngestSettings.DEFAULTS.withReconnect(Duration.ofMillis(100),
            Duration.ofMillis(500));

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

    private FleetBackend start(String clientId, String url, boolean persistent) {
        FleetConnectionSettings connection = FleetConnectionSettings.anonymous(url, clientId);
        if (persistent) {
            connection = connection.withPersistentSession(Duration.ofHours(1));
        }
        return FleetBackend.start(FleetBackendSettings.of(connection, data).withIngest(QUICK));
    }

    private static void awaitConnected(FleetBackend backend) throws InterruptedException {
        Eventually.await("the console to subscribe", backend::statistics, IngestStatistics::connected);
    }

    private static KioskSummary awaitKiosk(FleetBackend backend, KioskId id, Predicate<KioskSummary> until)
            throws InterruptedException {
        return Eventually.await(id + " in the view", () -> backend.view().kiosk(id, 0).map(KioskDetail::summary)
                .orElse(null), s -> s != null && until.test(s));
    }

    private static long checkIns(FleetBackend backend, String site, Instant from, Instant to) {
        return backend.view().footfall(new FootfallQuery(site, null, from, to, FootfallQuery.Period.DAY, SHANGHAI))
                .stream().mapToLong(r -> r.counts().checkIns()).sum();
    }

    @Test
    void three_kiosks_show_with_their_versions_devices_and_conditions() throws Exception {
        KioskId well = KioskId.parse("view/kiosk-1");
        KioskId noScanner = KioskId.parse("view/kiosk-2");
        KioskId gone = KioskId.parse("view/kiosk-3");
        Instant now = Instant.now();
        try (FleetBackend backend = start("console-view", broker.url(), false);
                KioskPublisher one = new KioskPublisher(broker.url(), well);
                KioskPublisher two = new KioskPublisher(broker.url(), noScanner);
                KioskPublisher three = new KioskPublisher(broker.url(), gone)) {
            BlockingQueue<KioskSummary> changes = new LinkedBlockingQueue<>();
            backend.view().listen(new FleetListener() {
                @Override
                public void kioskChanged(KioskSummary kiosk) {
                    changes.add(kiosk);
                }
            });
            awaitConnected(backend);

            // given three kiosks as they connect and report
            one.send(online(1000, now));
            one.send(birth(1000, "0.1.0", now, scanner(DeviceState.CONNECTED), door()));
            one.send(health(now, fine(), 0, device("scanner", DeviceState.CONNECTED, now),
                    device("door", DeviceState.CONNECTED, now)));
            two.send(online(2000, now));
            two.send(birth(2000, "0.2.0", now, scanner(DeviceState.ABSENT)));
            two.send(health(now, fine(), 0, device("scanner", DeviceState.ABSENT, now)));
            three.send(online(3000, now));
            three.send(birth(3000, "0.1.0", now));
            three.send(will(3000, now));

            // then the view shows each as it is
            KioskSummary first = awaitKiosk(backend, well, s -> s.devices().size() == 2);
            assertEquals(KioskCondition.ONLINE, first.condition());
            assertEquals("0.1.0", first.appVersion());
            assertEquals("17.0.15", first.javaVersion());
            assertEquals("Debian GNU/Linux 12 (bookworm)", first.os());
            assertEquals("浦锦街道驿站 Pujin", first.siteName());
            assertEquals(List.of("scanner", "door"), first.devices().stream().map(d -> d.device()).toList());

            // (before its health, its birth already says the scanner is absent, without the error)
            KioskSummary second = awaitKiosk(backend, noScanner,
                    s -> !s.devices().isEmpty() && s.devices().get(0).lastError() != null);
            assertEquals(KioskCondition.DEGRADED, second.condition());
            assertEquals(List.of("scanner absent: USB device removed"), second.reasons());
            assertEquals("0.2.0", second.appVersion());

            KioskSummary third = awaitKiosk(backend, gone, s -> s.condition() == KioskCondition.LOST);
            assertTrue(third.reasons().get(0).startsWith("offline since "), third.reasons().toString());

            assertEquals(List.of(well, noScanner, gone), backend.view().kiosks(new KioskFilter("", null, "view",
                    KioskFilter.Sort.ID, false)).stream().map(KioskSummary::id).toList());
            assertEquals(List.of(noScanner), backend.view().kiosks(new KioskFilter("0.2", null, "view",
                    KioskFilter.Sort.ID, false)).stream().map(KioskSummary::id).toList());
            var site = backend.view().overview().sites().stream().filter(s -> s.site().equals("view")).findFirst()
                    .orElseThrow();
            assertEquals("浦锦街道驿站 Pujin", site.name());
            assertEquals(3, site.kiosks().size());
            Eventually.await("listeners told of the lost kiosk", () -> List.copyOf(changes),
                    told -> told.stream().anyMatch(s -> s.id().equals(gone) && s.condition() == KioskCondition.LOST));

            // and the freshness figures count these messages
            IngestStatistics statistics = Eventually.await("every message", backend::statistics,
                    s -> s.visible().samples() >= 9);
            assertTrue(statistics.visible().p99().compareTo(Duration.ofSeconds(2)) < 0, statistics.toString());
            assertEquals(0, statistics.malformed());
        }
    }

    @Test
    void a_stale_will_arriving_after_the_new_online_is_ignored() throws Exception {
        KioskId id = KioskId.parse("stale/kiosk-1");
        Instant now = Instant.now();
        try (FleetBackend backend = start("console-stale", broker.url(), false);
                KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
            awaitConnected(backend);

            // given a kiosk that reconnected (birth sequence 501) before the broker sent the old connection's will
            kiosk.send(online(500, now));
            kiosk.send(online(501, now.plusSeconds(3)));
            kiosk.send(birth(501, "0.1.0", now));
            kiosk.send(health(now, fine(), 0));
            kiosk.send(will(500, now));
            kiosk.send(event(Event.APP_STARTED, Severity.INFO, now, Map.of()));

            // then it stays online with the newer connection's state
            Eventually.await("the event after the will", () -> backend.view().kiosk(id, 5).map(KioskDetail::recentEvents).orElse(List.of()),
                    events -> events.size() == 1);
            KioskDetail detail = backend.view().kiosk(id, 5).orElseThrow();
            assertEquals(KioskCondition.ONLINE, detail.summary().condition());
            assertEquals(501, detail.state().birthSeq());
            assertTrue(detail.state().online());
        }
    }

    @Test
    void footfall_sent_twice_or_at_a_lower_revision_counts_once_and_survives_a_restart() throws Exception {
        KioskId a = KioskId.parse("count/kiosk-1");
        KioskId b = KioskId.parse("count/kiosk-2");
        Instant bucket = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Instant from = bucket.minus(Duration.ofDays(1));
        Instant to = bucket.plus(Duration.ofDays(1));
        try (FleetBackend backend = start("console-count", broker.url(), false);
                KioskPublisher one = new KioskPublisher(broker.url(), a);
                KioskPublisher two = new KioskPublisher(broker.url(), b)) {
            BlockingQueue<KioskId> footfallChanges = new LinkedBlockingQueue<>();
            backend.view().listen(new FleetListener() {
                @Override
                public void footfallChanged(KioskId kiosk) {
                    footfallChanges.add(kiosk);
                }
            });
            awaitConnected(backend);
            one.send(online(10, bucket));
            one.send(birth(10, "0.1.0", bucket));

            // when kiosk 1 sends a bucket, again (a re-delivery), a revision, and the first once more (a replay)
            var first = footfall(bucket, 1, 6, 1);
            one.send(first);
            one.send(first);
            one.send(footfall(bucket, 2, 6, 2));
            one.send(first);
            one.send(footfall(bucket.plusSeconds(900), 1, 3, 0));
            // and kiosk 2 one bucket
            two.send(footfall(bucket, 1, 10, 0));

            // then the totals are what was meant: 8 + 3 + 10
            Eventually.await("the footfall totals", () -> checkIns(backend, "count", from, to), n -> n == 21);
            Eventually.await("duplicates counted", backend::statistics, s -> s.duplicatesAbsorbed() == 2);
            List<FootfallRow> rows = backend.view().footfall(new FootfallQuery("count", a, from, to,
                    FootfallQuery.Period.HOUR, SHANGHAI));
            assertEquals(1, rows.size());
            FootfallCounts counts = rows.get(0).counts();
            assertEquals(Map.of("rider", 9L, "walk-in", 2L), counts.checkInsByCategory());
            Eventually.await("listeners told of each change", footfallChanges::size, n -> n == 4);
        }

        // when the console starts again on the same data directory, with no broker to reach
        String nowhere = Loopback.tcpUrl(Loopback.freePort());
        try (FleetBackend restarted = start("console-count", nowhere, false)) {
            // then it still knows every kiosk and its footfall
            assertEquals(21, checkIns(restarted, "count", from, to));
            KioskSummary known = restarted.view().kiosk(a, 0).orElseThrow().summary();
            assertEquals("0.1.0", known.appVersion());
            assertNotNull(restarted.view().kiosk(b, 0).orElse(null));
            assertFalse(restarted.statistics().connected());
        }
    }

    @Test
    void malformed_messages_are_counted_and_the_ingest_goes_on() throws Exception {
        KioskId id = KioskId.parse("broken/kiosk-1");
        Instant now = Instant.now();
        try (FleetBackend backend = start("console-broken", broker.url(), false);
                KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
            awaitConnected(backend);

            // when a kiosk sends garbage, a health with a wrong type, a topic outside the contract
            kiosk.raw("yizhan/v1/broken/kiosk-1/health", "not json".getBytes(StandardCharsets.UTF_8), 1, false);
            kiosk.raw("yizhan/v1/broken/kiosk-1/health", "{\"schema\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
            kiosk.raw("yizhan/v1/broken/Kiosk-1/health", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            kiosk.raw("yizhan/v1/broken/kiosk-1/selfie", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            // and then a good one
            kiosk.send(health(now, fine(), 0));

            // then
            awaitKiosk(backend, id, s -> s.condition() == KioskCondition.ONLINE);
            IngestStatistics statistics = Eventually.await("the malformed count", backend::statistics,
                    s -> s.malformed() == 4);
            assertEquals(3L, statistics.messagesByKind().get("health"));
        }
    }

    @Test
    void events_are_stored_once_and_a_help_press_raises_an_alert() throws Exception {
        KioskId id = KioskId.parse("help/kiosk-1");
        Instant now = Instant.now();
        try (FleetBackend backend = start("console-help", broker.url(), false);
                KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
            BlockingQueue<EventRecord> events = new LinkedBlockingQueue<>();
            backend.view().listen(new FleetListener() {
                @Override
                public void eventArrived(EventRecord event) {
                    events.add(event);
                }
            });
            awaitConnected(backend);

            Event press = event(Event.HELP_BUTTON, Severity.WARNING, now, Map.of("press", "short"));
            kiosk.send(press);
            kiosk.send(press);

            Alert alert = Eventually.await("the help alert", () -> backend.view().alerts(false).stream()
                    .filter(x -> x.kiosk().equals(id)).findFirst().orElse(null), x -> x != null);
            assertEquals("help-button", alert.rule());
            assertEquals(press, events.poll(10, TimeUnit.SECONDS).event());
            assertNull(events.poll(500, TimeUnit.MILLISECONDS));
            assertEquals(1, backend.view().kiosk(id, 10).orElseThrow().recentEvents().size());

            Alert acknowledged = backend.view().acknowledge(alert.id(), "wang.li").orElseThrow();
            assertEquals("wang.li", acknowledged.acknowledgedBy());
            assertTrue(backend.view().alerts(false).stream().noneMatch(x -> x.id() == alert.id()));
        }
    }

    @Test
    void with_a_persistent_session_footfall_sent_while_the_console_was_cut_off_arrives_after_it_reconnects()
            throws Exception {
        KioskId id = KioskId.parse("outage/kiosk-1");
        Instant bucket = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        try (TcpRelay network = new TcpRelay(broker.port()).listen();
                FleetBackend backend = start("console-outage", network.url(), true);
                KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
            awaitConnected(backend);
            kiosk.send(footfall(bucket, 1, 1, 0));
            Eventually.await("the first bucket", () -> checkIns(backend, "outage", bucket, bucket.plusSeconds(3600)),
                    n -> n == 1);

            // when the console's network goes down while the kiosk goes on counting
            network.down();
            Eventually.await("the console to notice", backend::statistics, s -> !s.connected());
            kiosk.send(footfall(bucket.plusSeconds(900), 1, 2, 0));
            kiosk.send(footfall(bucket.plusSeconds(1800), 1, 3, 0));

            // and comes back
            network.listen();

            // then the broker delivers what it kept for the console's session
            Eventually.await("the buckets sent during the outage",
                    () -> checkIns(backend, "outage", bucket, bucket.plusSeconds(3600)), n -> n == 6);
            // the kept messages may arrive before the reconnect is counted
            Eventually.await("the reconnect counted", () -> backend.statistics().connects(), n -> n >= 2);
        }
    }

    @Test
    void with_a_persistent_session_footfall_sent_while_the_console_was_stopped_arrives_when_it_starts_again()
            throws Exception {
        KioskId id = KioskId.parse("stopped/kiosk-1");
        Instant bucket = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        try (FleetBackend first = start("console-stopped", broker.url(), true)) {
            awaitConnected(first);
        }

        // when a kiosk sends footfall while no console runs
        try (KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
            kiosk.send(footfall(bucket, 1, 4, 0));
            kiosk.send(footfall(bucket.plusSeconds(900), 1, 5, 0));
        }

        // then the console gets it when it starts again with the same client id
        try (FleetBackend again = start("console-stopped", broker.url(), true)) {
            Eventually.await("the buckets sent while the console was stopped",
                    () -> checkIns(again, "stopped", bucket, bucket.plusSeconds(3600)), n -> n == 9);
        }
    }

    @Test
    void the_console_reconnects_by_itself_after_the_broker_restarts() throws Exception {
        KioskId id = KioskId.parse("restart/kiosk-1");
        try (FleetBackend backend = start("console-restart", broker.url(), false)) {
            awaitConnected(backend);

            broker.stop();
            Eventually.await("the loss", backend::statistics, s -> !s.connected());
            broker.startAgain();
            Eventually.await("the reconnect", backend::statistics, s -> s.connected() && s.connects() == 2);

            try (KioskPublisher kiosk = new KioskPublisher(broker.url(), id)) {
                kiosk.send(online(77, Instant.now()));
                awaitKiosk(backend, id, s -> s.condition() == KioskCondition.ONLINE);
            }
        }
    }
}
