package org.yizhan.protocol.mqtt;

import java.util.Map;

/**
 * MQTT 5 reason codes, and the codes the Paho client gives its own failures, as one-line English for connection
 * events, publish failures and logs — the same words in the kiosk and the fleet. Fixed texts, because Paho's own
 * come from a resource bundle in the JVM's default locale: a kiosk set to Chinese would report them in Chinese to
 * a fleet that reads English. Pure functions of the code; a code without words of its own is still shown by number.
 * Knows no MQTT client library: each module's Paho class turns Paho's exceptions into these codes.
 */
public final class MqttReasonCode {

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
            Map.entry(0x9E, "shared subscriptions not supported"),
            Map.entry(0x9F, "connection rate exceeded"),
            Map.entry(0xA0, "maximum connect time"),
            Map.entry(0xA1, "subscription identifiers not supported"),
            Map.entry(0xA2, "wildcard subscriptions not supported"));

    /** Paho's own reason codes that a kiosk or the fleet meets. */
    private static final Map<Integer, String> CLIENT = Map.of(
            32000, "no response from the broker in time",
            32002, "timed out writing to the broker",
            32103, "cannot reach the broker",
            32104, "not connected",
            32106, "TLS configuration error",
            32109, "connection lost",
            32202, "too many publishes in flight",
            32204, "the broker disconnected the client");

    private MqttReasonCode() {
    }

    /** An MQTT reason code in words and hex, e.g. {@code not authorized (0x87)}; {@code reason (0x91)} if unnamed. */
    public static String mqtt(int code) {
        return MQTT.getOrDefault(code, "reason") + String.format(" (0x%02X)", code);
    }

    /** Whether an MQTT reason code says the operation failed (0x80 and above). */
    public static boolean isError(int code) {
        return code >= 0x80;
    }

    /** Whether {@code code} is an MQTT reason code (one byte), not one of the client's own. */
    public static boolean isMqtt(int code) {
        return code >= 0 && code <= 0xFF;
    }

    /** A code of the client's own in words, e.g. {@code cannot reach the broker}; else {@code MQTT client error N}. */
    public static String client(int code) {
        return CLIENT.getOrDefault(code, "MQTT client error " + code);
    }

    /**
     * What the code of a failed operation says: {@code refused by the broker: not authorized (0x87)} for an MQTT
     * error, the client's words for one of its own codes.
     */
    public static String failure(int code) {
        return isMqtt(code) && isError(code) ? "refused by the broker: " + mqtt(code) : client(code);
    }
}
