package org.yizhan.kiosk.telemetry.mqtt;

import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.yizhan.protocol.mqtt.MqttReasonCode;

/**
 * One-line English reasons for what Paho reports, for connection events, publish failures and logs. Paho's
 * own messages come from a resource bundle in the JVM's default locale, so a kiosk set to Chinese would
 * report them in Chinese to a fleet that reads English; these are fixed. The words for each reason code are
 * the protocol's ({@link MqttReasonCode}, shared with the fleet); this class turns Paho's exceptions into them.
 */
final class MqttReasons {

    private MqttReasons() {
    }

    /** {@code not authorized (0x87)}. */
    static String code(int code) {
        return MqttReasonCode.mqtt(code);
    }

    static boolean isError(int code) {
        return MqttReasonCode.isError(code);
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
            String what = MqttReasonCode.failure(code);
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
