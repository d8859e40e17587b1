package org.yizhan.launcher.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MqttWatcher;
import picocli.CommandLine;

class BrokerCommandTest {

    private static final long PATIENCE_MS = 20_000;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runs_a_broker_on_127_0_0_1_that_keeps_retained_messages_until_it_is_stopped() throws Exception {
        // given
        int port = Loopback.freePort();
        BrokerCommand command = new BrokerCommand();

        // when
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli(command).execute("--port",
                String.valueOf(port)));
        awaitOutput("broker listening on tcp://127.0.0.1:" + port + System.lineSeparator(), exit);

        // then a client publishes a retained message and a second one receives it from the broker
        String url = Loopback.tcpUrl(port);
        try (MqttWatcher publisher = MqttWatcher.watching(url)) {
            publisher.publish("yizhan/v1/demo/kiosk-1/state", "online".getBytes(StandardCharsets.UTF_8), true);
        }
        try (MqttWatcher subscriber = MqttWatcher.watching(url, "yizhan/v1/#")) {
            MqttWatcher.Received state = subscriber.await(0, r -> true, Duration.ofMillis(PATIENCE_MS),
                    "the retained state");
            assertArrayEquals("online".getBytes(StandardCharsets.UTF_8), state.payload());
            assertTrue(state.retained());
        }

        // and when it is stopped, it ends cleanly and frees the port
        command.stop();
        assertEquals(0, exit.get(PATIENCE_MS, TimeUnit.MILLISECONDS));
        try (ServerSocket again = bind(port)) {
            assertTrue(again.isBound());
        }
    }

    @Test
    void says_so_in_one_line_when_the_port_is_taken() throws Exception {
        // given
        try (ServerSocket taken = bind(0)) {
            // when
            int exit = cli(new BrokerCommand()).execute("--port", String.valueOf(taken.getLocalPort()));

            // then
            assertEquals(1, exit);
            assertEquals("broker: port " + taken.getLocalPort() + " on 127.0.0.1 is in use; is a broker running"
                    + " already? Choose another with --port" + System.lineSeparator(), err.toString());
            assertEquals("", out.toString());
        }
    }

    private CommandLine cli(BrokerCommand command) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private void awaitOutput(String expected, CompletableFuture<Integer> exit) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (!out.toString().equals(expected)) {
            assertTrue(System.currentTimeMillis() < deadline && !exit.isDone(),
                    "no '" + expected.strip() + "'; out: " + out + " err: " + err);
            Thread.sleep(20);
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
