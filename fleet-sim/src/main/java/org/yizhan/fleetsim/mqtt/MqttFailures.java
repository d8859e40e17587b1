package org.yizhan.fleetsim.mqtt;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.yizhan.protocol.mqtt.MqttReasonCode;

/**
 * The HiveMQ client's failures in the words the kiosk and the fleet use ({@link MqttReasonCode}), the same for
 * every kiosk that meets them, so a summary can count kiosks by reason: no client ids, no addresses of one
 * connection.
 */
final class MqttFailures {

    private MqttFailures() {
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof Mqtt5ConnAckException refused) {
            return "the broker refused the connection: " + withReason(refused.getMqttMessage().getReasonCode(),
                    refused.getMqttMessage().getReasonString().map(Object::toString));
        }
        if (cause instanceof Mqtt5PubAckException refused) {
            return "the broker refused the message: " + withReason(refused.getMqttMessage().getReasonCode(),
                    refused.getMqttMessage().getReasonString().map(Object::toString));
        }
        if (cause instanceof Mqtt5DisconnectException disconnected) {
            return "the broker disconnected: " + withReason(disconnected.getMqttMessage().getReasonCode(),
                    disconnected.getMqttMessage().getReasonString().map(Object::toString));
        }
        if (cause instanceof ConnectionFailedException) {
            Throwable why = cause.getCause() == null ? cause : cause.getCause();
            return "cannot reach the broker: " + (why.getMessage() == null ? why.getClass().getSimpleName()
                    : why.getMessage());
        }
        if (cause instanceof ConnectionClosedException || cause instanceof MqttSessionExpiredException) {
            return "connection lost";
        }
        if (cause instanceof MqttClientStateException) {
            return "not connected";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Whether the broker answered with an error reason code, so that sending it again would fail again. */
    static boolean refusedByBroker(Throwable failure) {
        return unwrap(failure) instanceof Mqtt5PubAckException;
    }

    static CompletionException asCompletion(Exception failure) {
        return new CompletionException(failure);
    }

    private static String withReason(Mqtt5ReasonCode code, Optional<String> reason) {
        return MqttReasonCode.mqtt(code.getCode()) + reason.map(r -> ": " + r).orElse("");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
