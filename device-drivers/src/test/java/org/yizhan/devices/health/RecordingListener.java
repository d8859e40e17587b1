package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what it is given, and the threads it was given it on, for tests to wait for. */
public final class RecordingListener implements MeasurementListener {

    /** How long a test waits for something that should come; generous, since the tests' machines are shared. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private final BlockingQueue<DecodedFrame> received = new LinkedBlockingQueue<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile boolean failNext;

    @Override
    public void measured(Measurement measurement) {
        record(measurement);
    }

    @Override
    public void rejected(FrameRejection rejection) {
        record(rejection);
    }

    private void record(DecodedFrame frame) {
        threads.add(Thread.currentThread().getName());
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("a listener failing on purpose");
        }
        received.add(frame);
    }

    /** The next call throws, as a faulty kiosk listener would. */
    public void failNextCall() {
        failNext = true;
    }

    /** The next frame delivered, waiting up to {@link #PATIENCE}. */
    public DecodedFrame next() throws InterruptedException {
        DecodedFrame frame = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            fail("nothing was delivered within " + PATIENCE);
        }
        return frame;
    }

    public <T extends DecodedFrame> T next(Class<T> type) throws InterruptedException {
        return assertInstanceOf(type, next());
    }

    /** What was delivered and not yet taken, without waiting. */
    public List<DecodedFrame> pending() {
        return List.copyOf(received);
    }

    /** The names of the threads the listener was called on, in order. */
    public List<String> threads() {
        return List.copyOf(threads);
    }
}
