package org.yizhan.kiosk.telemetry;

import java.time.Duration;

/** A change of the {@link MqttTransport}'s connection to the broker. */
public sealed interface ConnectionEvent {

    /**
     * The broker accepted the connection and confirmed the command subscription; the online {@code state}
     * and the {@code birth} were sent before it.
     *
     * @param broker   the broker's URL
     * @param birthSeq the birth sequence of this connection, also in its online state and its Last Will
     */
    record Connected(String broker, long birthSeq) implements ConnectionEvent {
    }

    /**
     * The connection that was up is gone; its unacknowledged publishes have failed.
     *
     * @param reason  one line, e.g. {@code connection lost: Connection reset}, or {@code closed}
     * @param retryIn when the next attempt is made; null when the transport was closed and makes none
     */
    record Disconnected(String reason, Duration retryIn) implements ConnectionEvent {
    }

    /**
     * An attempt to connect failed; the transport stays disconnected and tries again.
     *
     * @param reason   one line, e.g. {@code broker unreachable: Connection refused} or
     *                 {@code refused by the broker: Not authorized (0x87)}
     * @param failures attempts failed in a row, this one included
     * @param retryIn  when the next attempt is made
     */
    record AttemptFailed(String reason, int failures, Duration retryIn) implements ConnectionEvent {
    }
}
