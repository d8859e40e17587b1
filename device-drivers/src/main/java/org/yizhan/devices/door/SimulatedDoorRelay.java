package org.yizhan.devices.door;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A door relay with no door: the same open-time rules as {@link GpioDoorRelay}, on the same timers, with
 * the relay in memory. Opening and locking are logged.
 *
 * <p>{@link #unplug} reports it absent and drops the relay (the door locks, as an unpowered fail-secure
 * lock does) while pulses go on being timed; {@link #plug} reports it connected and the relay follows the
 * open time again.
 */
public final class SimulatedDoorRelay implements DoorRelay {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDoorRelay.class);

    private final Object lock = new Object();
    private final Duration openFor;
    private final DeviceStatusBoard board;
    private final DoorPulse pulse;
    private boolean plugged = true;
    private boolean energised;

    public SimulatedDoorRelay(Duration openFor, GpioTime time, DeviceStatusBoard board) {
        this.openFor = openFor;
        this.board = board;
        this.pulse = new DoorPulse(lock, time, this::relay);
        board.connected(NAME);
    }

    @Override
    public void pulse() {
        pulse(openFor);
    }

    @Override
    public void pulse(Duration length) {
        pulse.pulse(length);
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return energised;
        }
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            energised = false;
        }
        board.absent(NAME, "unplugged");
    }

    public void plug() {
        synchronized (lock) {
            plugged = true;
            energised = pulse.open();
        }
        board.connected(NAME);
    }

    @Override
    public void close() {
        pulse.lockForGood();
    }

    private void relay(boolean open) {
        if (plugged && open != energised) {
            log.info("door {}", open ? "open" : "locked");
        }
        energised = plugged && open;
    }
}
