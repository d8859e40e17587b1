package org.yizhan.devices.help;

/**
 * The help button at the window. What a press and a long press do is the kiosk's choice (for instance
 * help on screen, and calling the staff on duty).
 *
 * <p>Its level is debounced ({@code gpio.help.debounce}). A press let go before the long-press time
 * ({@code gpio.help.long-press}, 3 s by default) is reported on release as {@link HelpButtonListener#pressed};
 * a press held that long is reported once, at that moment and while still held, as
 * {@link HelpButtonListener#longPressed}, and its release reports nothing. So a long press is felt at once
 * (an elderly visitor need not guess when to let go), and no press is ever both.
 *
 * <p>A button held for over a minute is reported degraded on the status board (a stuck button, or one
 * configured with the wrong pull or polarity), and connected again on release. A button already held when
 * the kiosk starts reports nothing until it is let go and pressed again.
 *
 * <p>Presses are reported from {@link #start}, which takes one listener, once. Listener calls come on the button's timer thread, one at a
 * time, in order, and must not block. {@link #close} stops reporting and releases the line; it may be
 * called from any thread, more than once.
 */
public interface HelpButton extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "help";

    void start(HelpButtonListener listener);

    /** The configured device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
