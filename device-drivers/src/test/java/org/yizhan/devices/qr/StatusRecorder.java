package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** Keeps one device's status changes from a board, for tests to wait on. */
public final class StatusRecorder {

    private final String device;
    private final BlockingQueue<DeviceStatus> changes = new LinkedBlockingQueue<>();

    public StatusRecorder(DeviceStatusBoard board, String device) {
        this.device = device;
        board.subscribe(status -> {
            if (status.device().equals(device)) {
                changes.add(status);
            }
        });
    }

    /** Waits up to {@code within} for the device to be reported {@code state}; skips other changes. */
    public DeviceStatus await(DeviceState state, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            DeviceStatus next = left > 0 ? changes.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return fail(device + " was not reported " + state.code() + " within " + within);
            }
            if (next.state() == state) {
                return next;
            }
        }
    }
}
