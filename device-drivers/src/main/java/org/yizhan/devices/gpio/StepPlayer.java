package org.yizhan.devices.gpio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Plays a sequence of output states, each for its length, on a sink: the blink of a light, the beeps of a
 * buzzer. A new sequence cuts off the one playing. A looping sequence of one step is steady and needs no
 * timer; a sequence that does not loop ends in the rest state.
 *
 * <p>Threading: every method and the sink run while holding {@code lock}, the owning driver's monitor.
 *
 * @param <S> what one step sets: a set of lamps, a buzzer on or off
 */
public final class StepPlayer<S> {

    public record Step<S>(S state, Duration length) {
        public Step {
            Objects.requireNonNull(state, "state");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a step lasts some time: " + length);
            }
        }
    }

    private final Object lock;
    private final Scheduler scheduler;
    private final Consumer<S> sink;
    private final S rest;
    private List<Step<S>> steps = List.of();
    private boolean loop;
    private int index;
    private S current;
    private Scheduler.Scheduled timer;
    // A timer that was already running when a new sequence started must not advance the new one.
    private long generation;

    public StepPlayer(Object lock, Scheduler scheduler, Consumer<S> sink, S rest) {
        this.lock = lock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.rest = rest;
        this.current = rest;
    }

    public void play(List<Step<S>> sequence, boolean repeat) {
        if (sequence.isEmpty()) {
            throw new IllegalArgumentException("nothing to play");
        }
        synchronized (lock) {
            cancel();
            steps = List.copyOf(sequence);
            loop = repeat;
            index = 0;
            enter();
        }
    }

    /** Cuts off the sequence and leaves the sink at rest. */
    public void stop() {
        synchronized (lock) {
            cancel();
            steps = List.of();
            apply(rest);
        }
    }

    /** The state last given to the sink. */
    public S current() {
        synchronized (lock) {
            return current;
        }
    }

    /** Whether a sequence is under way (a steady one counts). */
    public boolean playing() {
        synchronized (lock) {
            return !steps.isEmpty();
        }
    }

    private void enter() {
        Step<S> step = steps.get(index);
        apply(step.state());
        if (loop && steps.size() == 1) {
            return;
        }
        long started = generation;
        timer = scheduler.schedule(step.length(), () -> next(started));
    }

    private void next(long started) {
        synchronized (lock) {
            if (started != generation) {
                return;
            }
            timer = null;
            index++;
            if (index == steps.size()) {
                if (!loop) {
                    steps = List.of();
                    apply(rest);
                    return;
                }
                index = 0;
            }
            enter();
        }
    }

    private void cancel() {
        generation++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void apply(S state) {
        current = state;
        sink.accept(state);
    }
}
