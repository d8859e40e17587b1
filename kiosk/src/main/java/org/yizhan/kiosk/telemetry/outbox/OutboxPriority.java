package org.yizhan.kiosk.telemetry.outbox;

import java.util.Set;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;

/**
 * The order in which the outbox drains, first to last; within a priority, oldest first. Stored as
 * {@link #rank()} in the outbox table.
 */
public enum OutboxPriority {
    /** Events of severity warning or error: what a maintainer must act on, the near-full alert among them. */
    ALERT(0),
    /** Info events that mark the kiosk's life: {@code app-started}, {@code config-changed}. */
    LIFECYCLE(1),
    /** Footfall buckets: what the centre reports to the district. */
    FOOTFALL(2),
    /** Other info events, such as a device reconnecting: history, and the only messages the cap refuses. */
    CHANGE(3);

    private static final Set<String> LIFECYCLE_KINDS = Set.of(Event.APP_STARTED, Event.CONFIG_CHANGED);

    private final int rank;

    OutboxPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /**
     * Whether a message of this priority is taken when the outbox is at its limits. Like Kura's outbox,
     * which lets its top priorities past the capacity check: the message that says something is wrong, or
     * that the kiosk restarted, must not be the one dropped because the broker has been away.
     */
    public boolean bypassesCap() {
        return this != CHANGE;
    }

    public static OutboxPriority of(Event event) {
        if (event.severity() != Severity.INFO) {
            return ALERT;
        }
        return LIFECYCLE_KINDS.contains(event.kind()) ? LIFECYCLE : CHANGE;
    }
}
