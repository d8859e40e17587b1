package org.yizhan.devices.door;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.Scheduler;

/**
 * When the door is open: a pulse opens it until now plus its length, or keeps the later end of an open
 * door; at the end the relay drops. Shared by the real and the simulated relay.
 *
 * <p>Threading: runs while holding {@code lock}, the owning relay's monitor; the relay sink too.
 */
final class DoorPulse {

    private final Object lock;
    private final GpioTime time;
    private final Consumer<Boolean> relay;
    private boolean open;
    private Instant openUntil;
    private Scheduler.Scheduled timer;
    private boolean locked;

    DoorPulse(Object lock, GpioTime time, Consumer<Boolean> relay) {
        this.lock = lock;
        this.time = time;
        this.relay = relay;
    }

    void pulse(Duration openFor) {
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("a door opens for some time: " + openFor);
        }
        synchronized (lock) {
            if (locked) {
                return;
            }
            Instant until = time.now().plus(openFor);
            if (open && !until.isAfter(openUntil)) {
                return;
            }
            openUntil = until;
            if (!open) {
                open = true;
                relay.accept(true);
            }
            arm();
        }
    }

    boolean open() {
        synchronized (lock) {
            return open;
        }
    }

    /** Locks the door for good: the relay drops now and pulses do nothing. */
    void lockForGood() {
        synchronized (lock) {
            locked = true;
            cancel();
            open = false;
            // Written even when already closed: the line must be at rest whatever it was before.
            relay.accept(false);
        }
    }

    private void arm() {
        cancel();
        timer = time.scheduler().schedule(Duration.between(time.now(), openUntil), this::expire);
    }

    private void expire() {
        synchronized (lock) {
            timer = null;
            if (!open) {
                return;
            }
            if (time.now().isBefore(openUntil)) {
                arm();
                return;
            }
            open = false;
            relay.accept(false);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
