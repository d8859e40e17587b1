package org.yizhan.kiosk.telemetry.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * An embedded HiveMQ CE broker for tests: 127.0.0.1, a free port chosen here, in-memory persistence, no usage
 * statistics sent anywhere. Starting takes one to two seconds and stopping about four, so a test class
 * shares one. A stopped instance cannot start again (its metrics stay registered), so {@link #startAgain}
 * makes a new one on the same port: to a client, the same broker restarted with its memory wiped.
 */
public final class HiveMqBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hive;
    private int generation;

    private HiveMqBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static HiveMqBroker start(Path dir) throws Exception {
        HiveMqBroker broker = new HiveMqBroker(dir, freePort());
        broker.startAgain();
        return broker;
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public void startAgain() throws IOException {
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
                .withoutLoggingBootstrap()
                .build();
        hive.start().join();
    }

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
