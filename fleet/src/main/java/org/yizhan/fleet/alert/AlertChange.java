package org.yizhan.fleet.alert;

import java.util.Objects;
import org.yizhan.fleet.view.Alert;

/**
 * One change to one alert, as the book made it.
 *
 * @param alert the alert as it is after the change
 * @param kind  what happened to it
 */
public record AlertChange(Alert alert, Kind kind) {

    public enum Kind {
        /** A new alert. */
        RAISED,
        /** A cleared alert nobody acknowledged yet whose cause came back: the same alert, lasting again. */
        REOPENED,
        /** Its cause went away. */
        CLEARED,
        /** A maintainer acknowledged it. */
        ACKNOWLEDGED
    }

    public AlertChange {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(kind, "kind");
    }
}
