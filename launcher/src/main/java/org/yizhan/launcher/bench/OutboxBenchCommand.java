package org.yizhan.launcher.bench;

import java.io.PrintWriter;
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
 * {@code yizhan bench outbox [--days N] [--per-day N]}: the outbox's drain rate after an outage
 * ({@link OutboxDrainBenchmark}) against the target of a week's backlog in under a minute. Works in a fresh
 * temporary directory, deleted afterwards; the broker is embedded and listens on 127.0.0.1 only.
 */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = {"Fills a kiosk outbox with the backlog of an outage (footfall buckets and events), drains it",
            "to an embedded MQTT broker on 127.0.0.1 at QoS 1, and prints the drain rate against the target."})
public final class OutboxBenchCommand implements Callable<Integer> {

    private static final double TARGET_SECONDS_PER_WEEK = 60;

    @Spec
    private CommandSpec spec;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N",
            description = "Days the broker was away (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--per-day", defaultValue = "900", paramLabel = "N",
            description = "Check-ins a day (default: ${DEFAULT-VALUE}).")
    private int perDay;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > 366 || perDay < 1 || perDay > 100_000) {
            throw new IllegalArgumentException("--days must be 1 to 366 and --per-day 1 to 100000");
        }
        // Read by logback when the first logger is made: the broker's and the kiosk's info lines would bury the
        // figures.
        System.setProperty("yizhan.log.level", "WARN");
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("yizhan-bench-outbox");
        try {
            out.printf("outbox drain after a %d-day outage (%d check-ins a day), to an embedded HiveMQ CE broker"
                    + " on 127.0.0.1 at QoS 1%n", days, perDay);
            out.flush();
            OutboxDrainBenchmark.Result result = new OutboxDrainBenchmark(work, days, perDay).run();
            out.printf("  backlog: %d messages (%d footfall buckets, %d events), %.1f KB; made in %.1f s%n",
                    result.messages(), result.footfall(), result.messages() - result.footfall(), result.bytes() / 1024.0,
                    OutboxDrainBenchmark.Result.seconds(result.fill()));
            double seconds = OutboxDrainBenchmark.Result.seconds(result.drain());
            out.printf("  drained in %.3f s (%d round%s, %d marked replayed): %.0f messages/s, %.0f KB/s%n", seconds,
                    result.rounds(), result.rounds() == 1 ? "" : "s", result.replayed(), result.messagesPerSecond(),
                    result.kilobytesPerSecond());
            // The target is for a week's backlog; a longer or busier outage is scaled to a week's worth.
            double weekSeconds = seconds * 7.0 / days;
            out.printf("  target: a week's backlog in %.0f s: %.3fx of target%s%n", TARGET_SECONDS_PER_WEEK,
                    weekSeconds / TARGET_SECONDS_PER_WEEK, days == 7 ? "" : " (scaled to 7 days)");
            out.flush();
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
