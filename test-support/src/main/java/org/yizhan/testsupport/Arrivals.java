package org.yizhan.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What a test receives from outside its thread — a subscriber's messages, a kiosk process's event lines — kept in
 * arrival order and never dropped, so a test can wait for one thing and still look at everything else later.
 * Each item knows its index in that order.
 *
 * <p>Two ways to wait, for two styles of test:
 * <ul>
 *   <li>by index: {@link #mark} now, then {@link #await(int, Predicate, Duration, String)} what came from there
 *       on, so "after the kill" or "since the broker came back" is exact; items stay for later waits;</li>
 *   <li>by taking: {@link #take} the first item not taken yet that a test wants, and {@link #takeRest} whatever
 *       was not, so the same message is never matched twice.</li>
 * </ul>
 * Taking does not change indexes or what the index-based waits see.
 *
 * <p>Thread-safe: items are added by a reader thread and awaited by the test's. Waits end at their deadline
 * with an {@link AssertionError} that lists the last items received.
 *
 * @param <T> the items; each carries the index it was {@link #add added} with
 */
public final class Arrivals<T> {

    private static final int SHOWN_ON_FAILURE = 25;

    private final List<T> items = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private final Function<T, String> describe;
    private long lastArrival = System.nanoTime();

    /** @param describe one line for an item, for failure messages */
    public Arrivals(Function<T, String> describe) {
        this.describe = describe;
    }

    /** Adds the item {@code make} builds from its index, wakes the waiters, and returns how many items there are. */
    public int add(IntFunction<T> make) {
        synchronized (items) {
            items.add(make.apply(items.size()));
            lastArrival = System.nanoTime();
            items.notifyAll();
            return items.size();
        }
    }

    /** The index the next item will have: pass it as {@code from} to wait for what comes after now. */
    public int mark() {
        synchronized (items) {
            return items.size();
        }
    }

    /** Waits until {@code done} holds for everything received so far, and returns that. */
    public List<T> awaitUntil(Predicate<List<T>> done, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (items) {
            while (true) {
                List<T> snapshot = List.copyOf(items);
                if (done.test(snapshot)) {
                    return snapshot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure(what, patience, snapshot);
                }
                TimeUnit.NANOSECONDS.timedWait(items, left);
            }
        }
    }

    /** The first {@code count} items at index {@code from} or later that {@code wanted} accepts, once all arrived. */
    public List<T> await(int from, Predicate<T> wanted, int count, Duration patience, String what)
            throws InterruptedException {
        List<T> all = awaitUntil(list -> matching(list, from, wanted).size() >= count, patience, what);
        return matching(all, from, wanted).subList(0, count);
    }

    /** The first item at index {@code from} or later that {@code wanted} accepts, once it has arrived. */
    public T await(int from, Predicate<T> wanted, Duration patience, String what) throws InterruptedException {
        return await(from, wanted, 1, patience, what).get(0);
    }

    /** Everything received so far from index {@code from} on that {@code wanted} accepts. */
    public List<T> since(int from, Predicate<T> wanted) {
        synchronized (items) {
            return matching(List.copyOf(items), from, wanted);
        }
    }

    /**
     * The first item, in arrival order, not taken yet that {@code wanted} accepts, once it has arrived; taken, so
     * that later takes pass over it.
     */
    public T take(Predicate<T> wanted, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (items) {
            while (true) {
                for (int i = taken.nextClearBit(0); i < items.size(); i = taken.nextClearBit(i + 1)) {
                    if (wanted.test(items.get(i))) {
                        taken.set(i);
                        return items.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure(what, patience, List.copyOf(items));
                }
                TimeUnit.NANOSECONDS.timedWait(items, left);
            }
        }
    }

    /** Every item not taken yet, in arrival order, now taken. */
    public List<T> takeRest() {
        synchronized (items) {
            List<T> rest = new ArrayList<>();
            for (int i = taken.nextClearBit(0); i < items.size(); i = taken.nextClearBit(i + 1)) {
                rest.add(items.get(i));
            }
            taken.set(0, items.size());
            return rest;
        }
    }

    /** Waits until nothing has arrived for {@code quiet}, at most {@code patience}. */
    public void awaitQuiet(Duration quiet, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (items) {
            while (System.nanoTime() - lastArrival < quiet.toNanos()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("items kept arriving for " + patience + "; the last of " + items.size()
                            + " received:\n" + lastOf(items));
                }
                TimeUnit.NANOSECONDS.timedWait(items, Math.min(left, quiet.toNanos()));
            }
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

    private AssertionError failure(String what, Duration patience, List<T> received) {
        return new AssertionError("no " + what + " within " + patience + "; the last of " + received.size()
                + " received:\n" + lastOf(received));
    }

    private String lastOf(List<T> list) {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, list.size() - SHOWN_ON_FAILURE); i < list.size(); i++) {
            text.append("  ").append(describe.apply(list.get(i))).append('\n');
        }
        return text.toString();
    }
}
