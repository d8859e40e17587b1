package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What a test receives from a process outside it — a kiosk's event lines, a subscriber's messages — kept in
 * arrival order and never dropped, so a test can wait for one thing and still look at everything else later.
 * Each item knows its index in that order; waits take the index to start from, so "after the kill" or "since
 * the broker came back" is exact.
 *
 * <p>Thread-safe: items are added by a reader thread and awaited by the test's. Waits end at their deadline
 * with an assertion failure that lists the last items received.
 *
 * @param <T> the items; each carries the index it was {@link #add added} with
 */
final class Arrivals<T> {

    private static final int SHOWN_ON_FAILURE = 25;

    private final List<T> items = new ArrayList<>();
    private final Function<T, String> describe;

    /** @param describe one line for an item, for failure messages */
    Arrivals(Function<T, String> describe) {
        this.describe = describe;
    }

    /** Adds the item {@code make} builds from its index, and wakes the waiters. */
    void add(IntFunction<T> make) {
        synchronized (items) {
            items.add(make.apply(items.size()));
            items.notifyAll();
        }
    }

    /** The index the next item will have: pass it as {@code from} to wait for what comes after now. */
    int mark() {
        synchronized (items) {
            return items.size();
        }
    }

    /** Waits until {@code done} holds for everything received so far, and returns that. */
    List<T> awaitUntil(Predicate<List<T>> done, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (items) {
            while (true) {
                List<T> snapshot = List.copyOf(items);
                if (done.test(snapshot)) {
                    return snapshot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("no " + what + " within " + patience + "; the last of " + snapshot.size()
                            + " received:\n" + lastOf(snapshot));
                }
                TimeUnit.NANOSECONDS.timedWait(items, left);
            }
        }
    }

    /** The first {@code count} items at index {@code from} or later that {@code wanted} accepts, once all have arrived. */
    List<T> await(int from, Predicate<T> wanted, int count, Duration patience, String what)
            throws InterruptedException {
        List<T> all = awaitUntil(list -> matching(list, from, wanted).size() >= count, patience, what);
        return matching(all, from, wanted).subList(0, count);
    }

    /** The first item at index {@code from} or later that {@code wanted} accepts, once it has arrived. */
    T await(int from, Predicate<T> wanted, Duration patience, String what) throws InterruptedException {
        return await(from, wanted, 1, patience, what).get(0);
    }

    /** Everything received so far from index {@code from} on that {@code wanted} accepts. */
    List<T> since(int from, Predicate<T> wanted) {
        synchronized (items) {
            return matching(List.copyOf(items), from, wanted);
        }
    }

    private static <T> List<T> matching(List<T> list, int from, Predicate<T> wanted) {
        List<T> found = new ArrayList<>();
        for (int i = from; i < list.size(); i++) {
            if (wanted.test(list.get(i))) {
                found.add(list.get(i));
            }
        }
        return found;
    }

    private String lastOf(List<T> list) {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, list.size() - SHOWN_ON_FAILURE); i < list.size(); i++) {
            text.append("  ").append(describe.apply(list.get(i))).append('\n');
        }
        return text.toString();
    }
}
