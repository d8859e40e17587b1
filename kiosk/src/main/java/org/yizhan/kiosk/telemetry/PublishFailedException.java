package org.yizhan.kiosk.telemetry;

/** Why a publish of the {@link MqttTransport} did not complete; the message says it in one line. */
public final class PublishFailedException extends Exception {

    /** What went wrong, for a sender that decides whether and when to try again. */
    public enum Reason {
        /** The broker was not connected when the publish reached the transport; nothing was sent. */
        NOT_CONNECTED,
        /** The connection was lost before the broker acknowledged it; it may or may not have arrived. */
        CONNECTION_LOST,
        /** The broker answered with an error reason code (e.g. not authorised by its ACL), or the client refused it. */
        REFUSED,
        /** The transport was closed first. */
        CLOSED
    }

    private final Reason reason;

    public PublishFailedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
