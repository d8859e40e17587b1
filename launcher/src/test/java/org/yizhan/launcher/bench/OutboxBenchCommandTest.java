package org.yizhan.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code yizhan bench outbox} on a short outage: one day, a real embedded broker. */
class OutboxBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void drains_a_days_backlog_and_prints_its_size_the_rate_and_the_ratio_to_the_target() {
        // when
        int status = run("outbox", "--days", "1", "--per-day", "900");

        // then: a day is 96 quarter-hour buckets (none without a visit at 900 a day) and four events, every one
        // of them published, and marked replayed
        assertEquals(0, status, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("outbox drain after a 1-day outage (900 check-ins a day)"), out.toString());
        assertTrue(lines.get(1).matches(" {2}backlog: 100 messages \\(96 footfall buckets, 4 events\\), [\\d.]+ KB;"
                + " made in [\\d.]+ s"), lines.get(1));
        assertTrue(lines.get(2).matches(" {2}drained in [\\d.]+ s \\(\\d+ rounds?, 100 marked replayed\\):"
                + " \\d+ messages/s, \\d+ KB/s"), lines.get(2));
        assertTrue(lines.get(3).matches(" {2}target: a week's backlog in 60 s: [\\d.]+x of target \\(scaled to 7 days\\)"),
                lines.get(3));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
