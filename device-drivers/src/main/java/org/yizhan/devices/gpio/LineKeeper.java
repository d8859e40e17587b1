package org.yizhan.devices.gpio;

import java.util.Optional;
import java.util.function.Consumer;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Claims a driver's GPIO line(s) and keeps trying until it has them: connected on the status board once
 * claimed, absent with the reason (pin busy, no gpiochip, no gpiod plugin) until then. A line held by a
 * process that is still stopping — the previous kiosk, restarted by systemd — is taken over once freed,
 * within {@link GpioLines#retry()}.
 *
 * <p>Threading: runs while holding {@code lock}, the owning driver's monitor, except {@link #close},
 * which releases the line outside it: Pi4J waits for its input thread to stop on release, and that thread
 * may be waiting for the driver's lock.
 *
 * @param <L> the claimed line, or a record of several
 */
public final class LineKeeper<L> {

    @FunctionalInterface
    public interface Claim<L> {
        L claim() throws GpioLineException;
    }

    private final Object lock;
    private final String device;
    private final GpioLines lines;
    private final GpioTime time;
    private final DeviceStatusBoard board;
    private final Claim<L> claim;
    private final Consumer<L> onClaimed;
    private final Consumer<L> release;
    private L line;
    private boolean closed;
    private Scheduler.Scheduled retry;

    /**
     * @param onClaimed called with the lock held once the line is claimed, to bring it to the driver's state
     * @param release   called without the lock on {@link #close}
     */
    public LineKeeper(Object lock, String device, GpioLines lines, GpioTime time, DeviceStatusBoard board,
            Claim<L> claim, Consumer<L> onClaimed, Consumer<L> release) {
        this.lock = lock;
        this.device = device;
        this.lines = lines;
        this.time = time;
        this.board = board;
        this.claim = claim;
        this.onClaimed = onClaimed;
        this.release = release;
    }

    /** Tries to claim the line now; on failure, again every {@link GpioLines#retry()}. */
    public void start() {
        synchronized (lock) {
            attempt();
        }
    }

    public Optional<L> line() {
        synchronized (lock) {
            return Optional.ofNullable(line);
        }
    }

    /** Driving the claimed line failed: the device is there but not working. */
    public void failed(String error) {
        board.degraded(device, error);
    }

    public void close() {
        L claimed;
        synchronized (lock) {
            closed = true;
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
            claimed = line;
            line = null;
        }
        if (claimed != null) {
            release.accept(claimed);
        }
    }

    private void attempt() {
        retry = null;
        if (closed || line != null) {
            return;
        }
        try {
            line = claim.claim();
        } catch (GpioLineException e) {
            board.absent(device, e.getMessage());
            retry = time.scheduler().schedule(lines.retry(), () -> {
                synchronized (lock) {
                    attempt();
                }
            });
            return;
        }
        board.connected(device);
        onClaimed.accept(line);
    }
}
