package org.yizhan.devices.light;

/**
 * The kiosk's status light. {@link #show} replaces the current pattern and returns at once; a pattern
 * lasts until the next call, blinking on its own timer. Implementations are safe to call from any thread.
 *
 * <p>{@link #close} turns the light off and releases it; {@link #show} does nothing afterwards. It may be
 * called more than once.
 */
public interface StatusLight extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "light";

    void show(LightPattern pattern);

    /** The configured device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
