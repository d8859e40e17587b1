package org.yizhan.kiosk.telemetry.mqtt;

import java.io.IOException;
import java.net.InetAddress;
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
 * A {@code mosquitto} process for interop tests, started with a configuration written by the test (so it
 * listens only on 127.0.0.1 ports of the test's choosing) and stopped by its own process handle. Its log goes
 * to {@code mosquitto.log} in the test's directory.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final Process process;
    private final Path log;

    private MosquittoBroker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The installed program, if any: the Debian package puts it in /usr/sbin, which is often not on PATH. */
    public static Optional<Path> program(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"),
                        Stream.of(path.split(":")))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts mosquitto with {@code config} and waits until every one of {@code ports} accepts connections. */
    public static MosquittoBroker start(Path mosquitto, Path dir, String config, List<Integer> ports)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("mosquitto.conf"), config, StandardCharsets.UTF_8);
        Path log = dir.resolve("mosquitto.log");
        Process process = new ProcessBuilder(mosquitto.toString(), "-c", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MosquittoBroker broker = new MosquittoBroker(process, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    broker.close();
                    throw new IllegalStateException("mosquitto did not start listening on " + port + ":\n"
                            + Files.readString(log));
                }
                Thread.sleep(20);
            }
        }
        return broker;
    }

    /** What mosquitto logged so far, for a failure message. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops it with SIGTERM, and SIGKILL if it has not ended five seconds later. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
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
