package org.yizhan.devices.door;

import java.time.Duration;

/**
 * The relay of the after-hours entrance: energised, it releases the lock so a visitor can push the door
 * open. Wired fail-secure (see docs/devices.md): without power, the door stays locked.
 *
 * <p>{@link #pulse} opens the door for a while and returns at once. A pulse while the door is open extends
 * the open time to end that long after the new pulse, if that is later; pulses never add up. The door
 * locks by itself when the time is up.
 *
 * <p>{@link #close} locks the door at once and releases the relay; pulses do nothing afterwards. It may
 * be called from any thread, more than once. Implementations are safe to call from any thread.
 */
public interface DoorRelay extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "door";

    /** Opens the door for the configured time ({@code gpio.door.open-for}). */
    void pulse();

    void pulse(Duration openFor);

    /** Whether the relay holds the door unlocked now. */
    boolean isOpen();

    /** The configured device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
