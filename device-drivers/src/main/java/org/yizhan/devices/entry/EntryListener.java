package org.yizhan.devices.entry;

import java.time.Instant;

/** Receives each entry an {@link EntrySensor} counts. */
@FunctionalInterface
public interface EntryListener {

    /** Someone came in; {@code at} is when the sensor first saw them, before debouncing confirmed it. */
    void entered(Instant at);
}
