package org.yizhan.testsupport.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code mosquitto} for interop tests, with a configuration the test writes (so it listens only on 127.0.0.1
 * ports of the test's choosing), stopped through its own process handle, never by name, and able to start again
 * with the same configuration: a broker outage. The log of every run is appended to {@code mosquitto.log} in the
 * broker's directory.
 *
 * <p>{@link #withPersistence} writes a configuration like a production broker's: a restart keeps the retained
 * messages and the sessions of clients that asked for one — their subscriptions, and the QoS 1 messages that
 * arrive for them before they are back. Not thread-safe: one test thread starts and stops it.
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Path program;
    private final Path config;
    private final Path log;
    private final List<Integer> ports;
    private Process process;

    private MosquittoProcess(Path program, Path config, Path log, List<Integer> ports) {
        this.program = program;
        this.config = config;
        this.log = log;
        this.ports = List.copyOf(ports);
    }

    /** The installed program, if any: the Debian package puts mosquitto in /usr/sbin, which is often not on PATH. */
    public static Optional<Path> program(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"),
                        Stream.of(path.split(":")))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The installed program {@code name} of the mosquitto package ({@code mosquitto}, {@code mosquitto_passwd}…);
     * when it is missing, aborts the calling test — or, from a {@code @BeforeAll}, its class — with a message that
     * says what is skipped and how to install it.
     */
    public static Path installedOrSkip(String name, String skipping) {
        Optional<Path> program = program(name);
        if (program.isEmpty()) {
            Assumptions.abort(name + " is not installed (apt-get install mosquitto; .ci/run installs it): skipping "
                    + skipping);
        }
        return program.get();
    }

    /**
     * Writes {@code config} to {@code mosquitto.conf} in {@code dir}, starts mosquitto with it, and returns once
     * every one of {@code ports} (which the configuration's listeners name) accepts connections.
     */
    public static MosquittoProcess start(Path program, Path dir, String config, List<Integer> ports)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("mosquitto.conf"), config);
        MosquittoProcess broker = new MosquittoProcess(program, file, dir.resolve("mosquitto.log"), ports);
        broker.start();
        return broker;
    }

    /**
     * Starts mosquitto on 127.0.0.1:{@code port}, anonymous, with persistence on in {@code dir}: retained
     * messages and persistent sessions survive {@link #stop} and {@link #start}.
     */
    public static MosquittoProcess withPersistence(Path program, Path dir, int port)
            throws IOException, InterruptedException {
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
        return start(program, dir, config, List.of(port));
    }

    /** Starts it (again), and returns once every port accepts connections. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is already running");
        }
        process = new ProcessBuilder(program.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int port : ports) {
            while (!Loopback.accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + ":\n" + log());
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Stops it with SIGTERM, on which mosquitto closes every connection and saves its persistence file; SIGKILL
     * if it has not ended ten seconds later. Returns when the process has ended.
     */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The URL of its first listener. */
    public String url() {
        return Loopback.tcpUrl(ports.get(0));
    }

    /** What mosquitto logged so far, over all its runs, for a failure message. */
    public String log() {
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
}
