package org.yizhan.fleetsim.mqtt;

import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.yizhan.fleetsim.KioskConnection;
import org.yizhan.fleetsim.KioskConnector;

/**
 * Simulated kiosks' connections on the HiveMQ MQTT client (MQTT 5), the only place that knows it. Each kiosk has a
 * client of its own (its own client id, CONNECT and Last Will), and all of them share the client library's one
 * Netty event loop group and its scheduler: thousands of connections cost sockets and a little memory each, not
 * threads, where a thread-per-client library would need thousands. The library's automatic reconnect stays off:
 * the simulation reconnects itself, with a new birth sequence and will each time, as a kiosk does.
 *
 * <p>Thread-safe.
 */
public final class HiveMqKioskConnector implements KioskConnector {

    private static final int DEFAULT_TCP_PORT = 1883;
    private static final int DEFAULT_TLS_PORT = 8883;
    /** TCP and TLS, then CONNECT to CONNACK: each within the kiosk's own connect timeout. */
    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    private final String url;
    private final MqttClientTransportConfig transport;

    private HiveMqKioskConnector(String url, MqttClientTransportConfig transport) {
        this.url = url;
        this.transport = transport;
    }

    /**
     * Connections to the broker at {@code url}: {@code tcp://HOST[:PORT]} (1883) or {@code ssl://HOST[:PORT]}
     * (8883, TLS with the JDK's trusted certificates, the host name checked).
     *
     * @throws IllegalArgumentException when {@code url} is not such a URL, saying how to write one
     */
    public static HiveMqKioskConnector to(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            uri = null;
        }
        boolean tls = uri != null && "ssl".equals(uri.getScheme());
        if (uri == null || uri.getHost() == null || !(tls || "tcp".equals(uri.getScheme()))
                || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
            throw new IllegalArgumentException("'" + url + "' is not a broker URL; write tcp://HOST[:PORT] or"
                    + " ssl://HOST[:PORT]");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? DEFAULT_TLS_PORT : DEFAULT_TCP_PORT;
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(uri.getHost())
                .serverPort(port)
                .socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (tls) {
            transport = transport.sslWithDefaultConfig();
        }
        return new HiveMqKioskConnector(url, transport.build());
    }

    @Override
    public KioskConnection open(String clientId, Consumer<String> lost) {
        HiveMqKioskConnection.Ending ending = new HiveMqKioskConnection.Ending(lost);
        Mqtt5AsyncClient client = Mqtt5Client.builder()
                .identifier(clientId)
                .transportConfig(transport)
                .addConnectedListener(context -> ending.connected())
                .addDisconnectedListener(context -> ending.disconnected(context.getCause()))
                .buildAsync();
        return new HiveMqKioskConnection(client, ending);
    }

    @Override
    public String broker() {
        return url;
    }
}
