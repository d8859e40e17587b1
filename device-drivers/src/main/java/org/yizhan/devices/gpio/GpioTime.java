package org.yizhan.devices.gpio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The time a GPIO driver lives in: a {@link Scheduler} for its timers, a timeline to measure intervals on
 * (debounce, long press, the door's open time), and a wall clock for the instants it reports (an entry at
 * 21:03:07).
 *
 * <p>On a Pi the two clocks differ: a Pi has no real-time clock, so the wall clock jumps when NTP sets it,
 * by years at the first boot; intervals are measured on a monotonic timeline that never jumps. Simulated
 * time (tests, the headless mode) is one clock for both.
 */
public final class GpioTime {

    private static final class SharedTimers {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "yizhan-gpio-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final Clock wall;
    private final Clock timeline;
    private final Scheduler scheduler;

    private GpioTime(Clock wall, Clock timeline, Scheduler scheduler) {
        this.wall = Objects.requireNonNull(wall, "wall");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Simulated or test time: {@code clock} is both the wall clock and the timeline. */
    public static GpioTime of(Clock clock, Scheduler scheduler) {
        return new GpioTime(clock, clock, scheduler);
    }

    /** Real time: the system wall clock, a monotonic timeline, and timers on {@code executor}. */
    public static GpioTime system(ScheduledExecutorService executor) {
        return new GpioTime(Clock.systemUTC(), new MonotonicClock(), Scheduler.on(executor));
    }

    /**
     * Real time on one daemon timer thread shared by every device made this way: for simulated devices
     * built without a scheduler, which need their beeps to end and their lights to blink.
     */
    public static GpioTime shared() {
        return system(SharedTimers.EXECUTOR);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Now on the timeline. */
    public Instant now() {
        return timeline.instant();
    }

    /** The wall-clock instant of {@code moment}, a past instant on the timeline. */
    public Instant wallTimeOf(Instant moment) {
        return wall.instant().minus(Duration.between(moment, timeline.instant()));
    }

    /** A clock that starts at the wall time of its creation and then follows {@link System#nanoTime}. */
    private static final class MonotonicClock extends Clock {
        private final Instant origin = Instant.now();
        private final long originNanos = System.nanoTime();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the GPIO timeline has no zone");
        }

        @Override
        public Instant instant() {
            return origin.plusNanos(System.nanoTime() - originNanos);
        }
    }
}
