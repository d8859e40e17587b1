package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;

/**
 * An alert raised by a rule about one kiosk. An alert is <i>open</i> until a maintainer acknowledges it;
 * {@link #cleared} records when its cause went away (a kiosk back online, the CPU cool again), which does
 * not acknowledge it: somebody should still know it happened. A rule raises at most one open alert per kiosk
 * at a time.
 *
 * @param id             the console's number for it
 * @param rule           the rule's code, e.g. {@code lost}, {@code cpu-hot}, {@code crisis-reading}
 * @param kiosk          the kiosk it is about
 * @param message        one English line with the measured value, e.g. {@code "CPU 82.0 °C (limit 80 °C)"}
 * @param raised         when the rule raised it
 * @param cleared        when its cause went away; null while it lasts (or for one-off causes such as a help
 *                       button press)
 * @param acknowledged   when a maintainer acknowledged it; null while open
 * @param acknowledgedBy the maintainer's user name; null while open
 */
public record Alert(long id, String rule, KioskId kiosk, String message, Instant raised, Instant cleared,
        Instant acknowledged, String acknowledgedBy) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raised, "raised");
    }

    public boolean open() {
        return acknowledged == null;
    }
}
