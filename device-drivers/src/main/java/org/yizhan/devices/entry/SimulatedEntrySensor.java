package org.yizhan.devices.entry;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.SimulatedInput;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * An entry sensor driven by {@link #level}: the same wiring, debounce and counting as
 * {@link GpioEntrySensor}, on the same timers. Its line starts at rest (low for a PIR, high for an
 * active-low beam).
 *
 * <p>{@link #unplug} reports it absent and returns the line to rest without an entry; levels are ignored
 * until {@link #plug}, which reports it connected.
 */
public final class SimulatedEntrySensor implements EntrySensor, SimulatedInput {

    private static final Logger log = LoggerFactory.getLogger(SimulatedEntrySensor.class);

    private final Object lock = new Object();
    private final boolean activeLow;
    private final DeviceStatusBoard board;
    private final EntryCounter counter;
    private boolean plugged = true;

    public SimulatedEntrySensor(boolean activeLow, Duration debounce, GpioTime time, DeviceStatusBoard board) {
        this.activeLow = activeLow;
        this.board = board;
        this.counter = new EntryCounter(lock, debounce, time);
        board.connected(NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void level(boolean high) {
        synchronized (lock) {
            if (!plugged) {
                log.info("entry sensor is unplugged: level {} ignored", high ? "high" : "low");
                return;
            }
            counter.level(high != activeLow);
        }
    }

    @Override
    public void start(EntryListener listener) {
        counter.start(listener);
    }

    @Override
    public long entries() {
        return counter.entries();
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            counter.reset(false);
        }
        board.absent(NAME, "unplugged");
    }

    public void plug() {
        synchronized (lock) {
            plugged = true;
        }
        board.connected(NAME);
    }

    @Override
    public void close() {
        counter.close();
    }
}
