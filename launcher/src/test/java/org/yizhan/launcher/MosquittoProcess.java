package org.yizhan.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code mosquitto} for interop tests: it listens on 127.0.0.1 only, at a port the test chose, with a
 * configuration the test wrote; it is stopped through its own process handle, never by name, and can be
 * started again on the same port — a broker outage.
 *
 * <p>Persistence is on, in the broker's directory. As on a production broker, a restart then keeps the retained
 * messages and the sessions of clients that asked for one: their subscriptions, and the QoS 1 messages that
 * arrive for them before they are back. A test's subscriber relies on that to miss nothing published between
 * the restart and its own reconnect. The log of every run is appended to {@code mosquitto.log}.
 */
final class MosquittoProcess implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Path program;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoProcess(Path program, Path config, Path log, int port) {
        this.program = program;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** The installed program, if any; the Debian package puts it in /usr/sbin, which is often not on PATH. */
    static Optional<Path> program() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"),
                        Stream.of(path.split(":")))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A port of 127.0.0.1 that nobody listened on a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Writes a configuration for {@code port} into {@code dir} and starts mosquitto with it. */
    static MosquittoProcess start(Path program, Path dir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String config = """
                # Started as root, mosquitto would switch to the user "mosquitto", who cannot write this directory.
                user %s
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                log_dest stdout
                log_type error
                log_type warning
                log_type notice
                log_type information
                log_timestamp_format %%H:%%M:%%S
                """.formatted(System.getProperty("user.name"), port, dir.toAbsolutePath());
        MosquittoProcess broker = new MosquittoProcess(program, Files.writeString(dir.resolve("mosquitto.conf"), config),
                dir.resolve("mosquitto.log"), port);
        broker.start();
        return broker;
    }

    /** Starts it (again), and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is already running");
        }
        process = new ProcessBuilder(program.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + ":\n" + log());
            }
            Thread.sleep(20);
        }
    }

    /**
     * Stops it with SIGTERM, on which mosquitto closes every connection and saves its persistence file; SIGKILL
     * if it has not ended ten seconds later. Returns when the process has ended and the port is free.
     */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** What mosquitto logged so far, over all its runs. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
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
