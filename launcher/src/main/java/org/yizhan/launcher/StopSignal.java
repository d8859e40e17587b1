package org.yizhan.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command (a broker, a console, a simulation) ends on Ctrl-C or SIGTERM and still cleans up:
 * a shutdown hook asks the command to stop and then holds the JVM until the command says it has finished (or a
 * grace period passed), so files are closed and goodbyes said before the process exits. Registered before the
 * command starts its work, so a signal at any moment ends the same way. Thread-safe.
 *
 * <pre>
 * try (StopSignal signal = StopSignal.install("yizhan-broker-stop", Duration.ofSeconds(15))) {
 *     start…; signal.await(); stop…
 * }
 * </pre>
 */
public final class StopSignal implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Duration grace;
    private final Thread hook;

    private StopSignal(String threadName, Duration grace) {
        this.grace = grace;
        this.hook = new Thread(this::onSignal, threadName);
    }

    /** Installs the hook; {@code grace} is how long a signal waits for the command to finish. */
    public static StopSignal install(String threadName, Duration grace) {
        StopSignal signal = new StopSignal(threadName, grace);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Asks the command to stop, as a signal would; returns at once. */
    public void request() {
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Waits until a stop is requested or {@code timeout} passed; true when requested. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return requested.await(timeout, unit);
    }

    /** The command has finished: a waiting signal lets the JVM exit, and the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is stopping us; it ends now that finished is counted down
        }
    }

    private void onSignal() {
        requested.countDown();
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
