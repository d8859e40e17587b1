package org.yizhan.devices.qr.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What a scanner told its listener and the status board, in order, with waits for the next of each. */
final class ScannerEvents implements QrScanListener {

    /** One listener call: a scan or a refusal, and the thread it came on. */
    record Scan(String code, String refusal, String thread) {
    }

    private final BlockingQueue<Scan> scans = new LinkedBlockingQueue<>();
    private final List<Scan> allScans = new ArrayList<>();
    private final BlockingQueue<DeviceStatus> statuses = new LinkedBlockingQueue<>();

    ScannerEvents(DeviceStatusBoard board) {
        board.subscribe(statuses::add);
    }

    @Override
    public void scanned(String code) {
        record(new Scan(code, null, Thread.currentThread().getName()));
    }

    @Override
    public void refused(String reason) {
        record(new Scan(null, reason, Thread.currentThread().getName()));
    }

    private void record(Scan scan) {
        synchronized (allScans) {
            allScans.add(scan);
        }
        scans.add(scan);
    }

    /** The next listener call, or null when none comes within {@code timeout}. */
    Scan nextScan(Duration timeout) throws InterruptedException {
        return scans.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Scan> scansSoFar() {
        synchronized (allScans) {
            return List.copyOf(allScans);
        }
    }

    /** The first status in {@code state} published from now on, or null when none comes within {@code timeout}. */
    DeviceStatus nextStatus(DeviceState state, Duration timeout) throws InterruptedException {
        return nextStatus(status -> status.state() == state, timeout);
    }

    DeviceStatus nextStatus(Predicate<DeviceStatus> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            DeviceStatus status = statuses.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (status == null || wanted.test(status)) {
                return status;
            }
        }
    }
}
