package org.yizhan.fleet.view;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;

/**
 * Which footfall to add up, and into which periods.
 *
 * @param site   only this site; null for every site
 * @param kiosk  only this kiosk; null for every kiosk (of {@code site} when given)
 * @param from   the first instant counted (a bucket counts when it starts in {@code [from, to)})
 * @param to     the end, exclusive
 * @param period hours or days
 * @param zone   the time zone whose hours and days the periods follow (the fleet's: sites share one city)
 */
public record FootfallQuery(String site, KioskId kiosk, Instant from, Instant to, Period period, ZoneId zone) {

    public enum Period { HOUR, DAY }

    public FootfallQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
    }
}
