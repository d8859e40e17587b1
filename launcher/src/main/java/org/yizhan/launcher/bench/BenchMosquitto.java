package org.yizhan.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The mosquitto {@code yizhan bench fleet} measures against: the installed program, started with a configuration
 * of the bench's own on a free 127.0.0.1 port, and stopped through its process handle (SIGTERM, then SIGKILL after
 * 15 s). The configuration is a production broker's ({@code yizhan provision broker-config}: persistence on,
 * mosquitto's defaults otherwise, such as {@code max_inflight_messages 20}) except that it admits anonymous
 * clients, says {@code max_connections -1} (no limit) outright, and sets {@code max_queued_messages}: the QoS 1
 * messages mosquitto holds for a client beyond those in flight, and drops beyond (its default is 1,000). Everything
 * mosquitto logs goes to {@code mosquitto.log} beside its configuration. Not thread-safe.
 */
final class BenchMosquitto implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Where the Debian package puts it (often not on PATH), then the usual places. */
    private static final List<String> PLACES = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");

    private final Process process;
    private final int port;
    private final Path log;

    private BenchMosquitto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The installed program: in the Debian package's place or another usual one, or on PATH. */
    static Optional<Path> installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(PLACES.stream(), Stream.of(path.split(":")))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The first line of {@code mosquitto -h}, e.g. {@code mosquitto version 2.0.11}; empty when it says nothing. */
    static String version(Path program) throws IOException, InterruptedException {
        Process help = new ProcessBuilder(program.toString(), "-h").redirectErrorStream(true).start();
        try (InputStream out = help.getInputStream()) {
            String first = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            help.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return first.strip();
        } finally {
            help.destroyForcibly();
        }
    }

    /**
     * Writes the configuration into {@code dir}, starts mosquitto and returns once it accepts connections.
     *
     * @param maxQueued its {@code max_queued_messages}
     */
    static BenchMosquitto start(Path program, Path dir, int maxQueued) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        Path persistence = Files.createDirectories(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("mosquitto.conf"), """
                # Started as root, mosquitto would switch to the user "mosquitto", who cannot write this directory.
                user %s
                listener %d 127.0.0.1
                allow_anonymous true
                # one connection per kiosk: no limit but the open files this process may have (ulimit -n)
                max_connections -1
                max_queued_messages %d
                persistence true
                persistence_location %s/
                log_dest stdout
                """.formatted(System.getProperty("user.name"), port, maxQueued, persistence.toAbsolutePath()));
        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder(program.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BenchMosquitto broker = new BenchMosquitto(process, port, log);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                broker.close();
                throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + "; its log:\n"
                        + broker.logTail());
            }
            Thread.sleep(20);
        }
        return broker;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * How many spells of dropping mosquitto logged: it says so once when a client's queue first overflows (its
     * {@code max_queued_messages}) and again only after the queue has drained. Each spell loses QoS 1 messages
     * the console never receives, however many.
     */
    long droppingSpells() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("are being dropped")).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The end of its log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
