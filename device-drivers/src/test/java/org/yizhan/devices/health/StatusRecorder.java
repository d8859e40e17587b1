package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** Follows a status board so tests can wait for a device to reach a state, in publication order. */
public final class StatusRecorder {

    private final DeviceStatusBoard board;
    private final BlockingQueue<DeviceStatus> published = new LinkedBlockingQueue<>();
    private final List<DeviceStatus> seen = new ArrayList<>();

    public StatusRecorder(DeviceStatusBoard board) {
        this.board = board;
        board.subscribe(published::add);
    }

    /**
     * The first status of {@code device} in {@code state} published after the ones already awaited, waiting
     * up to {@link RecordingListener#PATIENCE}; fails listing what was published instead.
     */
    public DeviceStatus await(String device, DeviceState state) throws InterruptedException {
        long deadline = System.nanoTime() + RecordingListener.PATIENCE.toNanos();
        while (true) {
            DeviceStatus status = published.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (status == null) {
                return fail(device + " did not become " + state.code() + " within " + RecordingListener.PATIENCE
                        + "; published: " + seen);
            }
            seen.add(status);
            if (status.device().equals(device) && status.state() == state) {
                return status;
            }
        }
    }

    /** The device's state on the board now. */
    public DeviceState current(String device) {
        return board.snapshot().stream()
                .filter(s -> s.device().equals(device))
                .map(DeviceStatus::state)
                .findFirst()
                .orElseThrow(() -> new AssertionError(device + " never reported"));
    }

    public DeviceStatus currentStatus(String device) {
        return board.snapshot().stream()
                .filter(s -> s.device().equals(device))
                .findFirst()
                .orElseThrow(() -> new AssertionError(device + " never reported"));
    }
}
