package org.yizhan.devices.help;

import java.time.Instant;

/**
 * Receives the presses of a {@link HelpButton}. Each press of the button is exactly one of the two: a
 * short press on release, or a long press while still held.
 */
public interface HelpButtonListener {

    /** The button was pressed and let go before the long-press time. {@code at}: when it went down. */
    void pressed(Instant at);

    /** The button has been held for the long-press time and still is. {@code at}: when it went down. */
    void longPressed(Instant at);
}
