package org.yizhan.kiosk.telemetry;

import org.yizhan.protocol.message.Envelope;

/**
 * What the {@link MqttTransport} asks of the kiosk on every connect attempt, to announce it. Called on the
 * transport's thread; a method that throws fails that attempt, which is retried like an unreachable broker.
 */
public interface KioskBirth {

    /**
     * The birth sequence of a new connect attempt: {@code BirthSequence.next(last, now)} with the last number
     * this kiosk used, which this method stores durably before returning, so the next one is larger even
     * after a restart. Every attempt takes a new number, also when the previous one failed: a CONNECT the
     * broker accepted but whose CONNACK was lost may have left a will behind under the old number.
     */
    long nextBirthSequence();

    /** A fresh envelope (the kiosk's next message sequence number, now) for a {@code state} message. */
    Envelope nextEnvelope();

    /** The encoded {@code birth} message of the connection numbered {@code birthSeq}. */
    byte[] birthPayload(long birthSeq);
}
