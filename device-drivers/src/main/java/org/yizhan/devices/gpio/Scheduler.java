package org.yizhan.devices.gpio;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once after a delay: the timers of the GPIO drivers (blinks, beeps, the door's open time,
 * debounce, long press). On the kiosk a thread does this in real time; tests and the headless mode pass
 * a scheduler driven by simulated time, e.g. the kiosk clock's timers:
 * {@code (delay, task) -> kioskClock.schedule(delay, task)::cancel}.
 *
 * <p>Drivers call {@link #schedule} from whichever thread calls them or runs their timers; a scheduler
 * that must be called on one thread needs the drivers used from that thread only.
 */
@FunctionalInterface
public interface Scheduler {

    Scheduled schedule(Duration delay, Runnable task);

    /** A pending task; cancelling one that already ran does nothing. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    /**
     * Timers on {@code executor}. A task that throws is logged (an executor would otherwise swallow it);
     * a task scheduled once the executor is shut down is dropped, since the drivers are closing then.
     */
    static Scheduler on(ScheduledExecutorService executor) {
        Logger log = LoggerFactory.getLogger(Scheduler.class);
        return (delay, task) -> {
            Runnable logged = () -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("GPIO timer task failed", e);
                }
            };
            try {
                ScheduledFuture<?> future = executor.schedule(logged, Math.max(0, delay.toNanos()),
                        TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            } catch (RejectedExecutionException e) {
                log.debug("GPIO timer dropped: the executor is shut down");
                return () -> {
                };
            }
        };
    }
}
