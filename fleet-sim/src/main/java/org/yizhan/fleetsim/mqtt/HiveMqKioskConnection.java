package org.yizhan.fleetsim.mqtt;

import com.hivemq.client.internal.mqtt.MqttClientConfig;
import com.hivemq.client.internal.mqtt.MqttClientConnectionConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.yizhan.fleetsim.ConnectFailedException;
import org.yizhan.fleetsim.ConnectRequest;
import org.yizhan.fleetsim.KioskConnection;
import org.yizhan.fleetsim.Publication;
import org.yizhan.fleetsim.PublishFailedException;

/**
 * One kiosk's connection on its own HiveMQ client: clean start and no session (a simulated kiosk takes no commands,
 * so the broker keeps nothing for it), the kiosk's keep-alive, simple authentication, and the Last Will given.
 *
 * <p>{@link #crash} closes the client's TCP channel directly: the client offers no way to end a connection without
 * DISCONNECT, and DISCONNECT with reason 0x04 ("with will message") would still tell the broker the client left on
 * purpose, which is not what a crashed kiosk does. It reaches the channel through the client's internal
 * configuration classes, public in the jar but outside its API: a new version of the client may move them.
 */
final class HiveMqKioskConnection implements KioskConnection {

    private final Mqtt5AsyncClient client;
    private final Ending ending;

    HiveMqKioskConnection(Mqtt5AsyncClient client, Ending ending) {
        this.client = client;
        this.ending = ending;
    }

    @Override
    public CompletableFuture<Void> connect(ConnectRequest request) {
        Publication will = request.will();
        Mqtt5Publish willPublish = Mqtt5Publish.builder()
                .topic(will.topic())
                .qos(qos(will.qos()))
                .retain(will.retained())
                .payload(will.payload())
                .build();
        return client.connectWith()
                .cleanStart(true)
                .sessionExpiryInterval(0)
                .keepAlive(request.keepAliveSeconds())
                .simpleAuth(simpleAuth(request))
                .willPublish(willPublish)
                .send()
                .handle((connAck, failure) -> {
                    if (failure != null) {
                        throw MqttFailures.asCompletion(new ConnectFailedException(MqttFailures.describe(failure)));
                    }
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> publish(Publication publication) {
        return client.publishWith()
                .topic(publication.topic())
                .qos(qos(publication.qos()))
                .retain(publication.retained())
                .payload(publication.payload())
                .send()
                .handle((result, failure) -> {
                    if (failure != null) {
                        throw MqttFailures.asCompletion(new PublishFailedException(MqttFailures.describe(failure),
                                MqttFailures.refusedByBroker(failure)));
                    }
                    return null;
                });
    }

    @Override
    public void crash() {
        ending.endedOnPurpose();
        MqttClientConnectionConfig connection = ((MqttClientConfig) client.getConfig()).getRawConnectionConfig();
        if (connection != null) {
            connection.getChannel().close();
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        ending.endedOnPurpose();
        return client.disconnect().handle((ok, failure) -> {
            if (failure != null) {
                throw MqttFailures.asCompletion(new ConnectFailedException(MqttFailures.describe(failure)));
            }
            return null;
        });
    }

    private static Mqtt5SimpleAuth simpleAuth(ConnectRequest request) {
        if (request.username() == null && request.password() == null) {
            return null;
        }
        if (request.username() == null) {
            return Mqtt5SimpleAuth.builder().password(request.password()).build();
        }
        Mqtt5SimpleAuthBuilder.Complete auth = Mqtt5SimpleAuth.builder().username(request.username());
        return (request.password() == null ? auth : auth.password(request.password())).build();
    }

    private static MqttQos qos(int code) {
        return MqttQos.fromCode(code);
    }

    /**
     * Tells the simulation once when an established connection ended without the simulation asking. The client
     * calls its listeners on its own threads, hence the synchronisation.
     */
    static final class Ending {
        private final Consumer<String> lost;
        private boolean connected;
        private boolean onPurpose;
        private boolean told;

        Ending(Consumer<String> lost) {
            this.lost = lost;
        }

        synchronized void connected() {
            connected = true;
        }

        synchronized void endedOnPurpose() {
            onPurpose = true;
        }

        void disconnected(Throwable cause) {
            synchronized (this) {
                if (!connected || onPurpose || told) {
                    return;
                }
                told = true;
            }
            lost.accept(MqttFailures.describe(cause));
        }
    }
}
