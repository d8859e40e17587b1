package org.yizhan.fleet;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * An embedded HiveMQ CE broker for the fleet's tests: 127.0.0.1, a free port chosen here, in-memory
 * persistence, no usage statistics sent anywhere. Starting takes one to two seconds and stopping about four,
 * so a test class shares one.
 */
public final class TestBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hive;
    private final int port;

    private TestBroker(EmbeddedHiveMQ hive, int port) {
        this.hive = hive;
        this.port = port;
    }

    public static TestBroker start(Path dir) throws IOException {
        int port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
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
        EmbeddedHiveMQ hive = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        hive.start().join();
        return new TestBroker(hive, port);
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws ExecutionException {
        try {
            hive.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
