package org.yizhan.testsupport.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * An embedded HiveMQ CE broker for tests: 127.0.0.1 only, on a free port chosen once, in-memory persistence, no
 * usage statistics sent anywhere. Starting takes one to two seconds and stopping about four, so a test class
 * shares one.
 *
 * <p>{@link #stop} and {@link #startAgain} make an outage: a stopped HiveMQ cannot start again (its metrics stay
 * registered), so {@link #startAgain} starts a new one on the same port, in a new directory under the test's —
 * to a client, the same broker restarted with its memory wiped (no retained messages, no sessions). Not
 * thread-safe: one test thread starts and stops it. (The demo's broker, {@code ./yizhan broker}, is the
 * launcher's own {@code EmbeddedBroker}; this one is for tests only.)
 */
public final class EmbeddedTestBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hive;
    private int generation;

    private EmbeddedTestBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker with its files under {@code dir}, and returns once it accepts connections. */
    public static EmbeddedTestBroker start(Path dir) throws IOException {
        EmbeddedTestBroker broker = new EmbeddedTestBroker(dir, Loopback.freePort());
        broker.startAgain();
        return broker;
    }

    public int port() {
        return port;
    }

    public String url() {
        return Loopback.tcpUrl(port);
    }

    /** Starts a fresh broker on the same port; returns once it accepts connections. */
    public void startAgain() throws IOException {
        if (hive != null) {
            throw new IllegalStateException("the broker on port " + port + " is running; stop it first");
        }
        Path home = Files.createDirectories(dir.resolve("hivemq-" + generation++));
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
                """.formatted(port));
        hive = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(home.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                // HiveMQ would otherwise replace the test's logging configuration with its own
                .withoutLoggingBootstrap()
                .build();
        hive.start().join();
    }

    /** Stops the broker: every client sees its connection end. {@link #startAgain} brings it back. */
    public void stop() {
        if (hive != null) {
            hive.stop().join();
            hive = null;
        }
    }

    @Override
    public void close() throws ExecutionException {
        if (hive != null) {
            try {
                hive.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hive = null;
        }
    }
}
