package org.yizhan.kiosk.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk's time and its timers, in one place so that tests and the headless mode can move time on.
 *
 * <p>Kiosk time is a base clock plus an offset that only grows: {@link #advance} jumps forward (the
 * headless {@code clock +8s} command) and runs every timer that falls due, in due order, as if that time
 * had passed. With the system clock as base, timers also fire as real time passes.
 *
 * <p>Threading: all timers run on the kiosk thread, the single thread of {@code kioskThread}; {@link
 * #schedule}, {@link #advance} and {@link Timer#cancel} must be called on it. {@link #now} may be called
 * from any thread.
 */
public final class KioskClock {

    private final Clock base;
    private final ScheduledExecutorService kioskThread;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile Duration offset = Duration.ZERO;
    private ScheduledFuture<?> wakeUp;
    private long sequence;
    private boolean runningDue;

    public KioskClock(Clock base, ScheduledExecutorService kioskThread) {
        this.base = base;
        this.kioskThread = kioskThread;
    }

    public Instant now() {
        return base.instant().plus(offset);
    }

    public ZoneId zone() {
        return base.getZone();
    }

    /** A {@link Clock} view of kiosk time, for code that takes one (pass verification). */
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return base.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("kiosk time has one zone");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    /** Runs {@code task} on the kiosk thread once {@code delay} of kiosk time has passed. */
    public Timer schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(now().plus(delay), sequence++, task);
        timers.add(timer);
        // While due timers run, runDue rearms once at the end: a blinking light scheduling its next
        // blink through a jump of days must not arm an executor task per blink.
        if (!runningDue) {
            rearm();
        }
        return timer;
    }

    /** Moves kiosk time forward and runs the timers that fall due on the way. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("kiosk time only moves forward");
        }
        offset = offset.plus(by);
        runDue();
    }

    private void runDue() {
        Instant now = now();
        Timer next;
        runningDue = true;
        try {
            while ((next = timers.peek()) != null && !next.due.isAfter(now)) {
                timers.poll();
                next.task.run();
            }
        } finally {
            runningDue = false;
        }
        rearm();
    }

    private void rearm() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        Timer next = timers.peek();
        // A kiosk that is closing finishes its inputs but arms no new timers.
        if (next != null && !kioskThread.isShutdown()) {
            long delayNanos = Math.max(0, Duration.between(now(), next.due).toNanos());
            wakeUp = kioskThread.schedule(this::runDue, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A pending timer; cancelling one that already ran does nothing. */
    public final class Timer implements Comparable<Timer> {
        private final Instant due;
        private final long order;
        private final Runnable task;

        private Timer(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        public void cancel() {
            if (timers.remove(this) && !runningDue) {
                rearm();
            }
        }

        @Override
        public int compareTo(Timer other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
