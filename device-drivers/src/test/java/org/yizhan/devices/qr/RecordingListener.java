package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what it heard, in order, for tests to wait on from their own thread. */
public final class RecordingListener implements QrScanListener {

    /** One thing a scanner told its listener. */
    public sealed interface Heard {
    }

    public record Scanned(String code) implements Heard {
        @Override
        public String toString() {
            // A failing test may print a code of kilobytes; the start and the length tell enough.
            return code.length() <= 100 ? "Scanned[" + code + "]"
                    : "Scanned[" + code.substring(0, 100) + "… (" + code.length() + " characters)]";
        }
    }

    public record Refused(String reason) implements Heard {
    }

    public static final Duration PATIENCE = Duration.ofSeconds(5);

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    @Override
    public void scanned(String code) {
        heard.add(new Scanned(code));
    }

    @Override
    public void refused(String reason) {
        heard.add(new Refused(reason));
    }

    /** The next thing heard, waiting up to {@link #PATIENCE}; fails the test when nothing comes. */
    public Heard next() throws InterruptedException {
        return next(PATIENCE);
    }

    public Heard next(Duration within) throws InterruptedException {
        Heard next = heard.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            fail("the scanner told its listener nothing within " + within);
        }
        return next;
    }

    public Scanned nextScan() throws InterruptedException {
        Heard next = next();
        if (next instanceof Scanned scanned) {
            return scanned;
        }
        return fail("expected a scan, heard " + next);
    }

    public Refused nextRefusal() throws InterruptedException {
        Heard next = next();
        if (next instanceof Refused refused) {
            return refused;
        }
        return fail("expected a refusal, heard " + next);
    }
}
