package org.yizhan.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan bench}: measures the kiosk's latency targets on this machine and prints figures and their
 * ratio to the target. Works in a fresh temporary data directory, deleted afterwards. {@code yizhan bench
 * outbox} measures the outbox's drain rate instead ({@link OutboxBenchCommand}), {@code yizhan bench fleet} the
 * fleet console's ingest under thousands of simulated kiosks ({@link FleetBenchCommand}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures scan-to-green latency and cold start against their targets.",
        subcommands = {OutboxBenchCommand.class, FleetBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

    private static final double SCAN_TARGET_P99_MS = 50;
    private static final double START_TARGET_MS = 3000;
    private static final long MEMORY_TARGET_KB = 200 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scans", defaultValue = "1000", description = "Measured scans (default: ${DEFAULT-VALUE}).")
    private int scans;

    @Option(names = "--warmup", defaultValue = "200", description = "Unmeasured scans first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--starts", defaultValue = "5", description = "Measured cold starts (default: ${DEFAULT-VALUE}).")
    private int starts;

    @Override
    public Integer call() throws Exception {
        if (scans < 1 || warmup < 0 || starts < 1) {
            throw new IllegalArgumentException("--scans and --starts must be at least 1, --warmup at least 0");
        }
        // Read by logback when the first logger is made: a thousand check-ins' log lines would bury the figures.
        System.setProperty("yizhan.log.level", "WARN");
        var out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("yizhan-bench");
        try {
            out.printf("scan to green (in process, durable commit included, %d warm-up scans)%n", warmup);
            Percentiles scan = new ScanToGreenBenchmark(work.resolve("scan"), warmup, scans).run();
            out.printf("  %s%n  p99 target %.0f ms: %.2fx of target%n", scan.describe(), SCAN_TARGET_P99_MS,
                    scan.p99() / SCAN_TARGET_P99_MS);
            out.flush();

            out.printf("cold start to interactive home screen (headless kiosk in a new JVM)%n");
            ColdStartBenchmark.Result start = new ColdStartBenchmark(work.resolve("start"), starts).run();
            out.printf("  %s%n  p50 target %.0f ms: %.2fx of target%n", start.startup().describe(), START_TARGET_MS,
                    start.startup().p50() / START_TARGET_MS);
            if (start.maxResidentKb() > 0) {
                out.printf("  resident memory at ready: %d MB (target %d MB: %.2fx)%n", start.maxResidentKb() / 1024,
                        MEMORY_TARGET_KB / 1024, (double) start.maxResidentKb() / MEMORY_TARGET_KB);
            }
            out.flush();
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
