package org.yizhan.fleetsim;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Connects (and goodbyes) in waves: at most {@code limit} in flight, the rest waiting in the order they came, so
 * that thousands of kiosks starting at once do not flood the broker with CONNECTs. Each task that {@link #enter}
 * runs must call {@link #leave} exactly once, when its operation has ended either way.
 *
 * <p>Confined to the simulation's thread.
 */
final class InFlightLimit {

    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;
    private boolean running;

    InFlightLimit(int limit) {
        this.limit = limit;
    }

    /** Runs {@code task} now when there is room, else once there is. */
    void enter(Runnable task) {
        waiting.add(task);
        runWhatFits();
    }

    void leave() {
        if (inFlight == 0) {
            throw new IllegalStateException("left more often than entered");
        }
        inFlight--;
        runWhatFits();
    }

    private void runWhatFits() {
        // a task that leaves at once (a kiosk stopped while it waited) must not recurse once per waiting task
        if (running) {
            return;
        }
        running = true;
        try {
            while (inFlight < limit && !waiting.isEmpty()) {
                inFlight++;
                waiting.poll().run();
            }
        } finally {
            running = false;
        }
    }
}
