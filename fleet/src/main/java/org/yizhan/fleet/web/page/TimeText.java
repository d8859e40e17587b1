package org.yizhan.fleet.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * How the console writes times: absolute ones in the fleet's zone ({@code 2026-03-02 16:15}), and how long ago
 * ("3 分钟前", "3 min ago"), rounded down as a maintainer would say it.
 */
public final class TimeText {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Messages messages;

    public TimeText(ZoneId zone, Messages messages) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** To the minute, in the fleet's zone; empty for null. */
    public String local(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** To the second, in the fleet's zone; empty for null. */
    public String localSeconds(Instant instant) {
        return instant == null ? "" : SECOND.format(instant.atZone(zone));
    }

    /** "just now", "42 s ago", "3 min ago", "5 h ago", "2 days ago"; empty for null. */
    public String ago(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        Duration age = Duration.between(then, now);
        if (age.getSeconds() < 5) {
            return messages.text("time.just-now");
        }
        if (age.toMinutes() < 1) {
            return messages.format("time.seconds-ago", age.getSeconds());
        }
        if (age.toHours() < 1) {
            return messages.format("time.minutes-ago", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return messages.format("time.hours-ago", age.toHours());
        }
        return messages.format("time.days-ago", age.toDays());
    }
}
