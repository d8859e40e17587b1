package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What the camera scanner does beyond the contract: frame dropping, listener failures, stalls. */
class CameraQrScannerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    private final ScannerEvents events = new ScannerEvents(board);
    private final CameraScannerConfig config = CameraRigs.fastConfig(CameraScannerContract.NAME, FrameFormat.GRAY);
    private CameraQrScanner scanner;

    @AfterEach
    void close() {
        if (scanner != null) {
            scanner.close();
        }
    }

    @Test
    void drops_frames_rather_than_queueing_them_when_decoding_falls_behind() throws Exception {
        // given a camera at 500 frames a second and a listener that takes a while over its first scan
        SimulatedCamera camera = new SimulatedCamera(640, 480, FrameFormat.GRAY, Duration.ofMillis(2));
        camera.show(CameraScannerContract.PASS);
        CountDownLatch slowScanDone = new CountDownLatch(1);
        scanner = CameraQrScanner.simulated(config, camera, board, Clock.systemUTC());

        // when the scanner runs while the listener holds it up
        scanner.start(new QrScanListener() {
            @Override
            public void scanned(String code) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slowScanDone.countDown();
            }

            @Override
            public void refused(String reason) {
            }
        });
        assertTrue(slowScanDone.await(WAIT.toSeconds(), TimeUnit.SECONDS), "never scanned");

        // then frames read while it was busy were dropped, not kept for later
        CameraQrScanner.Stats stats = scanner.stats();
        assertTrue(stats.framesDropped() > 0, stats.toString());
        assertTrue(stats.framesDecoded() + stats.framesDropped() <= stats.framesRead() + 1, stats.toString());
    }

    @Test
    void a_listener_that_throws_does_not_stop_the_scanner() throws Exception {
        // given a listener that fails on its first scan
        SimulatedCamera camera = new SimulatedCamera(640, 480, FrameFormat.GRAY, Duration.ofMillis(10));
        camera.show("FIRST");
        AtomicInteger calls = new AtomicInteger();
        scanner = CameraQrScanner.simulated(config, camera, board, Clock.systemUTC());
        scanner.start(new QrScanListener() {
            @Override
            public void scanned(String code) {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("listener bug");
                }
                events.scanned(code);
            }

            @Override
            public void refused(String reason) {
                events.refused(reason);
            }
        });
        CameraScannerContract.awaitTrue(() -> calls.get() == 1, "the first scan");

        // when the next code is shown
        camera.show("SECOND");

        // then it is still scanned
        ScannerEvents.Scan scan = events.nextScan(WAIT);
        assertNotNull(scan, "no scan after the listener failed");
        assertEquals("SECOND", scan.code());
    }

    @Test
    void a_camera_that_cannot_start_is_absent_with_the_reason_and_tried_again() throws Exception {
        // given a camera program that fails to start every time
        AtomicInteger opens = new AtomicInteger();
        FrameSource broken = new FrameSource() {
            @Override
            public InputStream open() throws IOException {
                opens.incrementAndGet();
                throw new IOException("Cannot run program \"rpicam-vid\": error=2, No such file or directory");
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        scanner = new CameraQrScanner(config, broken, board, Clock.systemUTC());

        // when the scanner starts
        scanner.start(events);

        // then it is absent, saying why, and keeps trying
        DeviceStatus absent = events.nextStatus(DeviceState.ABSENT, WAIT);
        assertNotNull(absent);
        assertTrue(absent.lastError().startsWith("cannot start the camera: Cannot run program"), absent.lastError());
        CameraScannerContract.awaitTrue(() -> opens.get() >= 3, "three starts");
    }

    @Test
    void a_camera_that_stalls_is_absent_then_restarted() throws Exception {
        // given a camera that gives one frame per start and then nothing
        AtomicInteger opens = new AtomicInteger();
        byte[] oneFrame = new byte[config.frameBytes()];
        FrameSource stalling = new FrameSource() {
            @Override
            public InputStream open() {
                opens.incrementAndGet();
                return new InputStream() {
                    private int position;
                    private volatile boolean closed;

                    @Override
                    public int read() throws IOException {
                        if (position < oneFrame.length) {
                            return oneFrame[position++] & 0xff;
                        }
                        while (!closed) {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                throw new IOException(e);
                            }
                        }
                        throw new IOException("closed");
                    }

                    @Override
                    public void close() {
                        closed = true;
                    }
                };
            }

            @Override
            public String describe() {
                return "stalling";
            }
        };
        CameraScannerConfig quick =
                config.withTimings(Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(100));
        scanner = new CameraQrScanner(quick, stalling, board, Clock.systemUTC());

        // when the scanner runs
        scanner.start(events);

        // then it goes connected, absent for want of frames, and starts the camera again
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, WAIT));
        DeviceStatus absent = events.nextStatus(DeviceState.ABSENT, WAIT);
        assertNotNull(absent);
        assertEquals("no frame from the camera for 300 ms", absent.lastError());
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, WAIT), "not restarted");
        assertTrue(opens.get() >= 2);
    }

    @Test
    void starts_once() {
        SimulatedCamera camera = new SimulatedCamera(640, 480, FrameFormat.GRAY, Duration.ofMillis(10));
        scanner = CameraQrScanner.simulated(config, camera, board, Clock.systemUTC());
        scanner.start(events);

        assertThrows(IllegalStateException.class, () -> scanner.start(events));
        assertEquals("camera-under-test", scanner.name());
    }
}
