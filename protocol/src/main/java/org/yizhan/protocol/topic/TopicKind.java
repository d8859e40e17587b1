package org.yizhan.protocol.topic;

import java.util.Optional;

/**
 * The kinds of topic under a kiosk's prefix, with how each is delivered. The QoS and retain flags are the
 * contract: the kiosk publishes with them, and the fleet relies on them (a retained {@code state} is what
 * a console that starts later sees first). See {@code docs/mqtt.md} for why each is what it is.
 */
public enum TopicKind {
    /** Online or offline, set by the kiosk on connect and by its Last Will. */
    STATE("state", 1, true, true),
    /** The inventory sent on every connect: versions, hardware, devices. */
    BIRTH("birth", 1, true, true),
    /** Periodic system and device health; replaced by the next one, so never queued or replayed. */
    HEALTH("health", 0, false, true),
    /** Counts per time bucket, idempotent by (kiosk, bucket start) and revision. */
    FOOTFALL("footfall", 1, false, true),
    /** Alerts and changes. */
    EVENTS("events", 1, false, true),
    /** A signed command to the kiosk; the topic ends with the command's name. */
    COMMAND("cmd", 1, false, false),
    /** The kiosk's answer to a command. */
    COMMAND_RESULT("cmd-result", 1, false, true);

    private final String segment;
    private final int qos;
    private final boolean retained;
    private final boolean sentByKiosk;

    TopicKind(String segment, int qos, boolean retained, boolean sentByKiosk) {
        this.segment = segment;
        this.qos = qos;
        this.retained = retained;
        this.sentByKiosk = sentByKiosk;
    }

    /** The topic level after {@code yizhan/v1/{site}/{kiosk}/}, e.g. {@code cmd-result}. */
    public String segment() {
        return segment;
    }

    public int qos() {
        return qos;
    }

    public boolean retained() {
        return retained;
    }

    /** True for the kiosk's own messages, false for commands, which the fleet sends. */
    public boolean sentByKiosk() {
        return sentByKiosk;
    }

    public static Optional<TopicKind> fromSegment(String segment) {
        for (TopicKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
