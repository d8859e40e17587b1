package org.yizhan.launcher.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The demo's MQTT broker: HiveMQ Community Edition, embedded, listening on 127.0.0.1 only (never on the
 * network: it has no users, no ACLs and no TLS), keeping everything in memory (a restart forgets retained
 * messages and sessions), sending no usage statistics anywhere. Its working files live in a temporary
 * directory that {@link #close} deletes.
 *
 * <p>Starting takes one to three seconds, stopping about four. Not for the Pi: the broker and its libraries
 * weigh about 100 MB; kiosks in production connect to the fleet's Mosquitto or EMQX.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 1883;

    private final EmbeddedHiveMQ hive;
    private final Path home;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hive, Path home, int port) {
        this.hive = hive;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port}, or on a free port when {@code port} is 0, and returns once
     * it accepts connections.
     *
     * @throws IllegalArgumentException when the port is out of range or already in use
     */
    public static EmbeddedBroker start(int port) throws IOException {
        int chosen = reserve(port);
        Path home = Files.createTempDirectory("yizhan-broker-");
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                      </listeners>
                      <persistence>
                        <mode>in-memory</mode>
                      </persistence>
                      <anonymous-usage-statistics>
                        <enabled>false</enabled>
                      </anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(chosen));
            EmbeddedHiveMQ hive = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    // HiveMQ would otherwise replace the launcher's logging configuration with its own
                    .withoutLoggingBootstrap()
                    .build();
            hive.start().join();
            return new EmbeddedBroker(hive, home, chosen);
        } catch (CompletionException e) {
            delete(home);
            throw new IllegalStateException("the broker did not start: " + e.getCause(), e.getCause());
        } catch (IOException | RuntimeException e) {
            delete(home);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The URL a kiosk configures as {@code mqtt.url}, e.g. {@code tcp://127.0.0.1:1883}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker, dropping every connection (their wills are not sent), and deletes its files. */
    @Override
    public void close() {
        try {
            hive.stop().join();
        } finally {
            delete(home);
        }
    }

    /** {@code port}, or a free one for 0, checked to be free now so that a clash is reported in our words. */
    private static int reserve(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " on 127.0.0.1 is in use; is a broker running already?"
                    + " Choose another with --port");
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the broker's files in " + dir, e);
        }
    }
}
