package org.yizhan.fleet.mqtt;

import java.util.Map;

/**
 * MQTT 5 reason codes and Paho's client codes as one-line English, for the messages of
 * {@link PahoFleetConnection}. Fixed texts, because Paho's own come from a resource bundle in the JVM's
 * locale. (The kiosk keeps the same table in {@code kiosk.telemetry.mqtt.MqttReasons}.)
 */
final class MqttReasonCodes {

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

    /** Paho's own reason codes that the fleet meets. */
    private static final Map<Integer, String> CLIENT = Map.of(
            32000, "no response from the broker in time",
            32002, "timed out writing to the broker",
            32103, "cannot reach the broker",
            32104, "not connected",
            32106, "TLS configuration error",
            32109, "connection lost",
            32202, "too many publishes in flight",
            32204, "the broker disconnected the client");

    private MqttReasonCodes() {
    }

    /** E.g. {@code not authorized (0x87)}. */
    static String mqtt(int code) {
        return MQTT.getOrDefault(code, "reason") + String.format(" (0x%02X)", code);
    }

    static boolean isError(int code) {
        return code >= 0x80;
    }

    static boolean isMqtt(int code) {
        return code >= 0 && code <= 0xFF;
    }

    /** E.g. {@code cannot reach the broker}. */
    static String client(int code) {
        return CLIENT.getOrDefault(code, "MQTT client error " + code);
    }
}
