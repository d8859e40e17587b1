package org.yizhan.devices.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link Debouncer} running in {@link GpioTime}: raw levels go in as they arrive, debounced edges come
 * out once they have held for the window, from a timer.
 *
 * <p>Threading: every method and the edge listener run while holding {@code lock}, the owning driver's
 * monitor, so the driver's own state needs no other lock; the listener must not block. Edges come out in
 * order. After {@link #close}, raw levels are ignored and no edge comes out.
 */
public final class DebouncedInput {

    @FunctionalInterface
    public interface EdgeListener {
        void edge(Debouncer.Edge edge);
    }

    private final Object lock;
    private final GpioTime time;
    private final Debouncer debouncer;
    private final EdgeListener listener;
    private Scheduler.Scheduled timer;
    private boolean closed;

    public DebouncedInput(Object lock, Duration window, boolean initial, GpioTime time, EdgeListener listener) {
        this.lock = lock;
        this.time = time;
        this.debouncer = new Debouncer(window, initial, time.now());
        this.listener = listener;
    }

    /** A raw level, already turned from electrical to active/inactive. */
    public void level(boolean active) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            debouncer.sample(active, time.now());
            settleOrArm();
        }
    }

    /** The debounced level. */
    public boolean active() {
        synchronized (lock) {
            return debouncer.stable();
        }
    }

    /** Takes {@code active} as the debounced level without an edge, dropping any pending one. */
    public void reset(boolean active) {
        synchronized (lock) {
            cancelTimer();
            debouncer.reset(active, time.now());
        }
    }

    public void close() {
        synchronized (lock) {
            closed = true;
            cancelTimer();
        }
    }

    private void settleOrArm() {
        cancelTimer();
        debouncer.settle(time.now()).ifPresent(listener::edge);
        Optional<Instant> until = debouncer.pendingUntil();
        // A timer that fires early (a coarse scheduler) finds the level still pending and is armed again.
        until.ifPresent(at -> timer = time.scheduler().schedule(Duration.between(time.now(), at), this::onTimer));
    }

    private void onTimer() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            timer = null;
            settleOrArm();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
