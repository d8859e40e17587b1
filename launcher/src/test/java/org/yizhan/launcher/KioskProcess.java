package org.yizhan.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.yizhan.testsupport.Arrivals;

/**
 * A headless simulated kiosk ({@code yizhan kiosk --headless --simulate}) in a JVM of its own, driven as
 * docs/headless.md describes: commands go to its standard input, and every line of its standard output — one
 * JSON event each — is kept in arrival order ({@link Arrivals}) by a reader thread. Its standard error is
 * appended to a log file.
 *
 * <p>It is ended through its process handle only: {@link #kill} is SIGKILL on Linux, what a power cut or the
 * OOM killer does to a kiosk, so it leaves no goodbye to the broker.
 */
final class KioskProcess implements AutoCloseable {

    /** One line of standard output; {@code event} is a missing node when the line is not JSON. */
    record Line(int index, String text, JsonNode event) {

        boolean is(String name) {
            return event.path("event").asText("").equals(name);
        }

        boolean is(String name, String key, String value) {
            return is(name) && event.path(key).asText("").equals(value);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);

    private final Process process;
    private final Path log;
    private final Arrivals<Line> lines = new Arrivals<>(Line::text);

    private KioskProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "kiosk-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code yizhan kiosk --headless --simulate --data DATA --config CONFIG} with the test's class path. */
    static KioskProcess start(Path data, Path config, Path log) throws IOException {
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Yizhan.class.getName(), "kiosk", "--headless", "--simulate",
                "--data", data.toString(), "--config", config.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new KioskProcess(process, log);
    }

    /** Writes {@code commands}, one per line, to the kiosk's standard input. */
    void send(String... commands) {
        try {
            OutputStream in = process.getOutputStream();
            for (String command : commands) {
                in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the kiosk no longer reads commands (alive: " + process.isAlive()
                    + "; see " + log + ")", e);
        }
    }

    /** The index the next line will have. */
    int mark() {
        return lines.mark();
    }

    /** The first line from index {@code from} on that {@code wanted} accepts. */
    Line await(int from, Predicate<Line> wanted, Duration patience, String what) throws InterruptedException {
        return lines.await(from, wanted, patience, what + " (kiosk log: " + log + ")");
    }

    /** The first {@code count} lines from index {@code from} on that {@code wanted} accepts. */
    List<Line> await(int from, Predicate<Line> wanted, int count, Duration patience, String what)
            throws InterruptedException {
        return lines.await(from, wanted, count, patience, what + " (kiosk log: " + log + ")");
    }

    /** Every line so far from index {@code from} on that {@code wanted} accepts. */
    List<Line> since(int from, Predicate<Line> wanted) {
        return lines.since(from, wanted);
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the kiosk (pid " + process.pid() + ") did not die within " + EXIT_PATIENCE);
        }
    }

    /** SIGKILL if it still runs, and waits for it to be gone. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = out.readLine()) != null) {
                JsonNode event = parse(text);
                String line = text;
                lines.add(index -> new Line(index, line, event));
            }
        } catch (IOException e) {
            // The process ended; what it wrote before is kept.
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
