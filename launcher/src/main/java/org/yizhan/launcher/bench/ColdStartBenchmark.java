package org.yizhan.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: a new JVM running {@code yizhan kiosk --headless --simulate}, timed from process start to
 * its {@code ready} event (home screen shown and interactive), on an existing data directory as on a
 * kiosk that reboots. Resident memory is read from the child's {@code /proc} status at that moment.
 */
final class ColdStartBenchmark {

    record Result(Percentiles startup, long maxResidentKb) {
    }

    private final Path dataDir;
    private final int runs;

    ColdStartBenchmark(Path dataDir, int runs) {
        this.dataDir = dataDir;
        this.runs = runs;
    }

    Result run() throws IOException, InterruptedException {
        long[] samples = new long[runs];
        long maxRss = 0;
        // One unmeasured run creates the database and the demo key, as an installed kiosk already has them.
        start();
        for (int i = 0; i < runs; i++) {
            long[] measured = start();
            samples[i] = measured[0];
            maxRss = Math.max(maxRss, measured[1]);
        }
        return new Result(Percentiles.ofNanos(samples), maxRss);
    }

    /** One start: nanoseconds to ready, and resident kilobytes then. */
    private long[] start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.yizhan.launcher.Yizhan", "kiosk", "--headless", "--simulate", "--data", dataDir.toString()));
        long begin = System.nanoTime();
        Process kiosk = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader events = new BufferedReader(
                new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = events.readLine()) != null) {
                if (line.contains("\"event\":\"ready\"")) {
                    long elapsed = System.nanoTime() - begin;
                    long rss = residentKb(kiosk.pid());
                    kiosk.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
                    kiosk.getOutputStream().flush();
                    if (!kiosk.waitFor(20, TimeUnit.SECONDS)) {
                        kiosk.destroyForcibly();
                    }
                    return new long[] {elapsed, rss};
                }
            }
        } finally {
            kiosk.destroyForcibly();
        }
        throw new IllegalStateException("the kiosk ended without a ready event (exit " + kiosk.waitFor() + ")");
    }

    /** The resident memory of process {@code pid} in kilobytes, from its {@code /proc} status; 0 when unknown. */
    static long residentKb(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone: memory is then simply not reported.
        }
        return 0;
    }
}
