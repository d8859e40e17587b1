package org.yizhan.kiosk.telemetry.mqtt;

import java.util.Map;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One-line English reasons for what Paho reports, for connection events, publish failures and logs. Paho's
 * own messages come from a resource bundle in the JVM's default locale, so a kiosk set to Chinese would
 * report them in Chinese to a fleet that reads English; these are fixed.
 */
final class MqttReasons {

    /** MQTT 5 reason codes of 0x80 and above, as CONNACK, PUBACK, SUBACK and DISCONNECT carry them. */
    private static final Map<Integer, String> MQTT = Map.ofEntries(
            Map.entry(0x80, "unspecified error"),
            Map.entry(0x81, "malformed packet"),
            Map.entry(0x82, "protocol error"),
            Map.entry(0x83, "implementation specific error"),
            Map.entry(0x84, "unsupported protocol version"),
            Map.entry(0x85, "client identifier not valid"),
            Map.entry(0x86, "bad user name or password"),
            Map.entry(0x87, "not authorized"),
            Map.entry(0x88, "server unavailable"),
            Map.entry(0x89, "server busy"),
            Map.entry(0x8A, "banned"),
            Map.entry(0x8B, "server shutting down"),
            Map.entry(0x8C, "bad authentication method"),
            Map.entry(0x8D, "keep alive timeout"),
            Map.entry(0x8E, "session taken over"),
            Map.entry(0x8F, "topic filter invalid"),
            Map.entry(0x90, "topic name invalid"),
            Map.entry(0x93, "receive maximum exceeded"),
            Map.entry(0x94, "topic alias invalid"),
            Map.entry(0x95, "packet too large"),
            Map.entry(0x96, "message rate too high"),
            Map.entry(0x97, "quota exceeded"),
            Map.entry(0x98, "administrative action"),
            Map.entry(0x99, "payload format invalid"),
            Map.entry(0x9A, "retain not supported"),
            Map.entry(0x9B, "QoS not supported"),
            Map.entry(0x9C, "use another server"),
            Map.entry(0x9D, "server moved"),
            Map.entry(0x9F, "connection rate exceeded"),
            Map.entry(0xA0, "maximum connect time"));

    /** Paho's own reason codes that a kiosk meets. */
    private static final Map<Integer, String> CLIENT = Map.of(
            32000, "no response from the broker in time",
            32002, "timed out writing to the broker",
            32103, "cannot reach the broker",
            32104, "not connected",
            32106, "TLS configuration error",
            32109, "connection lost",
            32202, "too many publishes in flight",
            32204, "the broker disconnected the client");

    private MqttReasons() {
    }

    /** {@code not authorized (0x87)}. */
    static String code(int code) {
        return MQTT.getOrDefault(code, "reason") + String.format(" (0x%02X)", code);
    }

    static boolean isError(int code) {
        return code >= 0x80;
    }

    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS with the broker failed: " + innermost(cause);
            }
        }
        if (e instanceof MqttException mqtt) {
            int code = mqtt.getReasonCode();
            if (code == MqttException.REASON_CODE_CLIENT_EXCEPTION && mqtt.getCause() != null) {
                // Paho's wrapper for anything it did not expect; the cause says what
                return innermost(mqtt.getCause());
            }
            String what = code >= 0x80 && code <= 0xFF
                    ? "refused by the broker: " + code(code)
                    : CLIENT.getOrDefault(code, "MQTT client error " + code);
            return mqtt.getCause() == null ? what : what + ": " + innermost(mqtt.getCause());
        }
        return innermost(e);
    }

    static String describe(MqttDisconnectResponse response) {
        if (response.getException() != null) {
            return describe(response.getException());
        }
        String reason = response.getReasonString();
        return "the broker disconnected the client: " + code(response.getReturnCode())
                + (reason == null || reason.isBlank() ? "" : ", " + oneLine(reason));
    }

    private static String innermost(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
