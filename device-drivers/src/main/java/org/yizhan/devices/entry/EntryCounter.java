package org.yizhan.devices.entry;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.DebouncedInput;
import org.yizhan.devices.gpio.Debouncer;
import org.yizhan.devices.gpio.GpioTime;

/**
 * Debounces the sensor's level and counts each rising edge as an entry. Shared by the real and the
 * simulated sensor.
 *
 * <p>Threading: runs while holding {@code lock}, the owning sensor's monitor.
 */
final class EntryCounter {

    private static final Logger log = LoggerFactory.getLogger(EntryCounter.class);

    private final Object lock;
    private final GpioTime time;
    private final DebouncedInput input;
    private EntryListener listener;
    private long entries;

    EntryCounter(Object lock, Duration debounce, GpioTime time) {
        this.lock = lock;
        this.time = time;
        this.input = new DebouncedInput(lock, debounce, false, time, this::edge);
    }

    void start(EntryListener entryListener) {
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("the entry sensor is already started");
            }
            listener = entryListener;
        }
    }

    void level(boolean active) {
        input.level(active);
    }

    /** Takes {@code active} as the current level without counting: a line just claimed, or unplugged. */
    void reset(boolean active) {
        input.reset(active);
    }

    long entries() {
        synchronized (lock) {
            return entries;
        }
    }

    void close() {
        input.close();
    }

    private void edge(Debouncer.Edge edge) {
        if (!edge.active() || listener == null) {
            return;
        }
        entries++;
        try {
            listener.entered(time.wallTimeOf(edge.since()));
        } catch (RuntimeException e) {
            log.error("entry listener failed", e);
        }
    }
}
