package org.yizhan.devices.gpio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Time that moves only when a test says: a clock and a scheduler in one. {@link #advance} runs every task
 * that falls due on the way, in due order, with the clock at each task's due time. Not thread-safe: one
 * test thread drives it.
 */
public final class ManualTime extends Clock implements Scheduler {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now = Instant.parse("2026-11-23T21:00:00Z");
    private long order;

    /** The GPIO time of a simulated kiosk: this clock as wall clock and timeline, this scheduler. */
    public GpioTime time() {
        return GpioTime.of(this, this);
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
        tasks.add(scheduled);
        return () -> tasks.remove(scheduled);
    }

    public void advance(Duration by) {
        Instant end = now.plus(by);
        Task next;
        while ((next = tasks.peek()) != null && !next.due.isAfter(end)) {
            tasks.poll();
            if (next.due.isAfter(now)) {
                now = next.due;
            }
            next.task.run();
        }
        now = end;
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Tasks waiting to run. */
    public int pending() {
        return tasks.size();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private record Task(Instant due, long order, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
