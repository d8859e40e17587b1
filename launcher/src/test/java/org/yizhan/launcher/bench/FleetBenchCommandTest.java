package org.yizhan.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.launcher.CliRun;

/**
 * {@code yizhan bench fleet}'s options, its open-file check and its table, without running a fleet: a run takes
 * minutes per size, and its figures are in docs/performance.md.
 */
class FleetBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void refuses_a_fleet_size_out_of_range_naming_the_option() {
        CliRun run = CliRun.of(new BenchCommand(), "fleet", "--kiosks", "1000,0");

        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("--kiosks: each must be 1 to 100000, not 0"), run.err);
    }

    @Test
    void refuses_a_window_too_short_to_measure() {
        CliRun run = CliRun.of(new BenchCommand(), "fleet", "--measure", "5s");

        assertEquals(2, run.exit, run.toString());
        assertTrue(run.err.contains("--measure: must be at least 10s, not 5s"), run.err);
    }

    @Test
    void says_so_when_the_mosquitto_it_is_given_is_not_a_program() {
        Path missing = dir.resolve("mosquitto");

        CliRun run = CliRun.of(new BenchCommand(), "fleet", "--kiosks", "10", "--mosquitto", missing.toString());

        assertEquals(1, run.exit, run.toString());
        assertEquals("bench fleet: no mosquitto program at " + missing, run.err.strip());
        assertEquals("", run.out);
    }

    @Test
    void says_how_far_to_raise_the_open_file_limit_and_when_the_hard_limit_is_in_the_way() {
        assertEquals(Optional.empty(), FleetBenchCommand.openFilesProblem(12_600, 20_000, OptionalLong.of(20_000)));
        assertEquals(Optional.of("12600 kiosks need 12800 open files in mosquitto and in the kiosks' JVM, which"
                        + " inherit this process's limit of 1024: raise it in this shell (ulimit -n 13000) and run"
                        + " again"),
                FleetBenchCommand.openFilesProblem(12_600, 1024, OptionalLong.of(1_048_576)));
        assertTrue(FleetBenchCommand.openFilesProblem(12_600, 1024, OptionalLong.of(4096)).orElseThrow()
                .endsWith("; the hard limit is 4096, so raise that first (as root, or in /etc/security/limits.conf)"));
    }

    @Test
    void prints_one_row_per_fleet_size_under_the_header_and_the_details_below() {
        // given a measured 12,600-kiosk run
        Map<String, Long> messages = new LinkedHashMap<>();
        messages.put("health", 50_400L);
        messages.put("footfall", 25_200L);
        FleetBenchmark.Result result = new FleetBenchmark.Result(12_600, Duration.ofMillis(41_230), 12_600, 12_599,
                Duration.ofSeconds(120), messages, new Percentiles(75_600, 0.412, 1.1, 3.104, 212.7, 0.6),
                new FleetBenchmark.EndToEnd(new Percentiles(75_600, 2.0, 5.0, 58.0, 1250.0, 3.0),
                        new Percentiles(50_400, 2.0, 4.0, 9.5, 300.0, 2.5),
                        new Percentiles(25_200, 3.0, 30.0, 150.0, 1250.0, 9.0)),
                new Percentiles(25_200, 3.0, 9.0, 45.21, 80.0, 4.0), Duration.ofMillis(5), Duration.ofMillis(300),
                new FleetBenchmark.CpuShares(35.14, 12.0, -1), 180L * 1024 * 1024, 900 * 1024, 12, 0, 0, "exact");

        // then
        String row = FleetBenchCommand.row(result);
        assertEquals("  12600     41.2 s     12599    630.0  0.41 / 3.10 / 213      2.00 / 58.0 / 1250            45.2"
                + "  35.1 / 12.0 / ?                 180 / 900  exact", row);
        assertEquals(FleetBenchCommand.HEADER.indexOf("footfall"), row.indexOf("exact"), FleetBenchCommand.HEADER);
        assertEquals("  12600 kiosks: health 420.0/s, footfall 210.0/s; listed 12600; visible p99 0.0016x of the 2 s"
                + " target; end-to-end p99 health 9.50 ms, QoS 1 150 ms; the console's own p99s (latest 4096"
                + " messages, worst poll): visible 5.00 ms, committed 300 ms; store queue at most 12; duplicates"
                + " absorbed 0; mosquitto dropped messages: never",
                FleetBenchCommand.details(result));
    }
}
