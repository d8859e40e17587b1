package org.yizhan.kiosk.flow;

import java.time.Instant;
import java.util.Objects;

/**
 * A message from the maintainers on the home screen, e.g. that the centre's toilets are closed tonight,
 * shown until {@code until} by the kiosk clock.
 *
 * @param zh    the text in Chinese, shown first
 * @param en    the English text; null for none
 * @param until when it disappears by itself
 */
public record Notice(String zh, String en, Instant until) {

    public Notice {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(until, "until");
    }
}
