package org.yizhan.fleet;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** Waits for what a background thread will make true. */
public final class Eventually {

    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private Eventually() {
    }

    /** Returns the first value {@code until} accepts, polling {@code value} every 20 ms for up to {@link #PATIENCE}. */
    public static <T> T await(String what, Supplier<T> value, Predicate<T> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionFailedError("waited " + PATIENCE.toSeconds() + " s for " + what + "; last seen: " + last);
    }
}
