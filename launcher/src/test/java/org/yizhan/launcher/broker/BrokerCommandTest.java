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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandTest {

    private static final long PATIENCE_MS = 20_000;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runs_a_broker_on_127_0_0_1_that_keeps_retained_messages_until_it_is_stopped() throws Exception {
        // given
        int port = freePort();
        BrokerCommand command = new BrokerCommand();

        // when
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli(command).execute("--port",
                String.valueOf(port)));
        awaitOutput("broker listening on tcp://127.0.0.1:" + port + System.lineSeparator(), exit);

        // then a client publishes a retained message and a second one receives it from the broker
        String url = "tcp://127.0.0.1:" + port;
        MqttAsyncClient publisher = connect(url, "publisher", null);
        MqttMessage retained = new MqttMessage("online".getBytes(StandardCharsets.UTF_8));
        retained.setQos(1);
        retained.setRetained(true);
        publisher.publish("yizhan/v1/demo/kiosk-1/state", retained).waitForCompletion(PATIENCE_MS);
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttAsyncClient subscriber = connect(url, "subscriber", received);
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("yizhan/v1/#", 1)}, null, null,
                new MqttProperties()).waitForCompletion(PATIENCE_MS);
        assertArrayEquals("online".getBytes(StandardCharsets.UTF_8),
                received.poll(PATIENCE_MS, TimeUnit.MILLISECONDS).getPayload());
        for (MqttAsyncClient client : new MqttAsyncClient[] {publisher, subscriber}) {
            client.disconnectForcibly(0, 1000, true);
            client.close();
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

    private static MqttAsyncClient connect(String url, String id, BlockingQueue<MqttMessage> received)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, id, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(message);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(new MqttConnectionOptions()).waitForCompletion(PATIENCE_MS);
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = bind(0)) {
            return socket.getLocalPort();
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }
}
