package org.yizhan.devices.buzzer;

/**
 * The kiosk's buzzer. {@link #play} starts a pattern and returns at once; a new pattern cuts off the
 * one still sounding. Every pattern ends by itself. Implementations are safe to call from any thread.
 *
 * <p>{@link #close} silences the buzzer and releases it; {@link #play} does nothing afterwards. It may be
 * called more than once.
 */
public interface Buzzer extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "buzzer";

    void play(BeepPattern pattern);

    /** The configured device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
