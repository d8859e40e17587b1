package org.yizhan.launcher.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleetsim.SimulationSummary;
import org.yizhan.launcher.CliRun;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.MqttWatcher;

class FleetSimCommandTest {

    @TempDir
    static Path dir;

    private static EmbeddedTestBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = EmbeddedTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void runs_kiosks_for_the_duration_and_prints_and_writes_a_summary_of_what_the_broker_took() throws Exception {
        // given
        Path file = dir.resolve("summary.json");
        try (MqttWatcher console = MqttWatcher.watching(broker.url(), "yizhan/v1/+/+/birth")) {

            // when
            CliRun run = run("--broker", broker.url(), "--kiosks", "5", "--sites", "1", "--site-prefix", "cli",
                    "--duration", "3s", "--health-interval", "1s", "--bucket-every", "500ms", "--rate", "40",
                    "--seed", "3", "--summary", file.toString());

            // then
            assertEquals(0, run.exit, run.toString());
            assertTrue(run.err.startsWith("fleet-sim: 5 kiosks at 1 site (cli-…) against " + broker.url()
                    + ", seed 3; health every 1s; 15-minute buckets every 500ms (accelerated); for 3s"), run.err);
            assertTrue(run.out.startsWith("fleet-sim: 5 kiosks at 1 site against " + broker.url() + ", ran "), run.out);
            assertTrue(run.out.contains("\n  connected at the end: 5 of 5 "), run.out);
            SimulationSummary summary = SimulationSummary.read(file);
            assertEquals(5, summary.kiosks());
            assertEquals(5L, summary.published().get("birth"));
            assertEquals(List.of(), summary.footfall().unacknowledged());
            assertTrue(run.out.contains("check-ins " + summary.footfall().totals().checkIns() + " ("), run.out);
            assertEquals(5, console.await(0, r -> r.topic().startsWith("yizhan/v1/cli-001/"), 5,
                    Duration.ofSeconds(10), "five births").size());
        }
    }

    @Test
    void names_the_option_that_is_wrong_and_connects_nowhere() {
        CliRun zero = run("--broker", broker.url(), "--kiosks", "0");
        assertEquals(2, zero.exit);
        assertEquals("fleet-sim: --kiosks: must be 1 to 100000, not 0 (see --help)" + System.lineSeparator(),
                zero.err);

        CliRun url = run("--broker", "mqtt://127.0.0.1", "--kiosks", "5");
        assertEquals(2, url.exit);
        assertEquals("fleet-sim: --broker: 'mqtt://127.0.0.1' is not a broker URL; write tcp://HOST[:PORT] or"
                + " ssl://HOST[:PORT] (see --help)" + System.lineSeparator(), url.err);
    }

    private static CliRun run(String... args) {
        return CliRun.of(new FleetSimCommand(), args);
    }
}
