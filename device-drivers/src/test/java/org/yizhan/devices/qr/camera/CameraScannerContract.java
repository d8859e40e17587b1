package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * What every camera scanner does, whatever its frames come from: one scan per code held up, refusals with a
 * reason, connected while frames flow, absent when the camera goes and connected again within five seconds
 * of its return. Subclasses supply the camera and the means to show a code, show nothing, unplug and plug.
 */
abstract class CameraScannerContract {

    static final String NAME = "camera-under-test";
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PASS = HardFrames.token(new java.util.Random(5));

    /** A camera the test controls and the scanner reading it. */
    interface Rig extends AutoCloseable {
        CameraQrScanner scanner();

        void show(String text) throws Exception;

        void showNothing() throws Exception;

        void unplug() throws Exception;

        void plug() throws Exception;

        @Override
        void close();
    }

    protected final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    protected final ScannerEvents events = new ScannerEvents(board);
    private Rig rig;

    /** A rig whose scanner reports to {@code board}, with recovery timings in milliseconds. */
    abstract Rig rig(DeviceStatusBoard board) throws Exception;

    @BeforeEach
    void startScanner() throws Exception {
        rig = rig(board);
    }

    @AfterEach
    void stopScanner() {
        rig.close();
    }

    @Test
    void reports_connected_once_frames_flow() throws Exception {
        // given a camera showing an empty room
        rig.showNothing();

        // when the scanner starts
        rig.scanner().start(events);

        // then the board shows it connected
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, WAIT), "never connected");
    }

    @Test
    void a_code_held_up_is_one_scan_however_many_frames_show_it() throws Exception {
        // given a scanner watching a camera that shows a pass
        rig.show(PASS);
        rig.scanner().start(events);

        // when the pass stays in view for thirty more frames
        ScannerEvents.Scan first = events.nextScan(WAIT);
        long decodedAtFirst = rig.scanner().stats().framesDecoded();
        awaitTrue(() -> rig.scanner().stats().framesDecoded() >= decodedAtFirst + 30, "thirty more frames decoded");

        // then the pass was scanned once, on the scanner's own thread
        assertNotNull(first, "the pass was never scanned");
        assertEquals(PASS, first.code());
        assertTrue(first.thread().startsWith("camera-scanner-"), first.thread());
        assertEquals(1, events.scansSoFar().size(), events.scansSoFar().toString());
        assertTrue(rig.scanner().stats().codesRead() >= 30, rig.scanner().stats().toString());
    }

    @Test
    void another_code_shown_next_is_another_scan() throws Exception {
        // given a scanner that has scanned one pass
        rig.show(PASS);
        rig.scanner().start(events);
        assertEquals(PASS, events.nextScan(WAIT).code());

        // when the visitor behind shows another
        String other = HardFrames.token(new java.util.Random(6));
        rig.show(other);

        // then it is scanned too
        ScannerEvents.Scan next = events.nextScan(WAIT);
        assertNotNull(next, "the second pass was never scanned");
        assertEquals(other, next.code());
    }

    @Test
    void an_empty_room_gives_nothing() throws Exception {
        // given a camera that sees nobody
        rig.showNothing();

        // when the scanner watches it for twenty frames
        rig.scanner().start(events);
        awaitTrue(() -> rig.scanner().stats().framesDecoded() >= 20, "twenty frames decoded");

        // then nothing was scanned or refused
        assertEquals(0, events.scansSoFar().size(), events.scansSoFar().toString());
    }

    @Test
    void a_code_with_a_control_character_held_up_is_refused_once_with_a_reason() throws Exception {
        // given a QR code that smuggles an escape character
        rig.show("PASS\u001b[2J");

        // when the scanner reads it, and it stays in view for thirty more frames
        rig.scanner().start(events);
        ScannerEvents.Scan scan = events.nextScan(WAIT);
        long decodedAtFirst = rig.scanner().stats().framesDecoded();
        awaitTrue(() -> rig.scanner().stats().framesDecoded() >= decodedAtFirst + 30, "thirty more frames decoded");

        // then the listener heard one refusal saying what was wrong, and no scan
        assertNotNull(scan, "nothing reached the listener");
        assertEquals(null, scan.code());
        assertTrue(scan.refusal().contains("control character U+001B"), scan.refusal());
        assertEquals(1, events.scansSoFar().size(), events.scansSoFar().toString());
    }

    @Test
    void a_camera_that_vanishes_is_absent_and_scanning_again_within_five_seconds_of_its_return() throws Exception {
        // given a scanner with its camera working
        rig.showNothing();
        rig.scanner().start(events);
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, WAIT), "never connected");

        // when the camera is unplugged
        rig.unplug();

        // then the board shows it absent, with a reason, within five seconds
        DeviceStatus absent = events.nextStatus(DeviceState.ABSENT, RECOVERY_LIMIT);
        assertNotNull(absent, "the unplugged camera was not reported absent within " + RECOVERY_LIMIT);
        assertNotNull(absent.lastError());

        // and when it is plugged back in, it is connected again within five seconds
        rig.plug();
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, RECOVERY_LIMIT),
                "the replugged camera was not connected again within " + RECOVERY_LIMIT);

        // and it reads codes again
        rig.show(PASS);
        ScannerEvents.Scan scan = events.nextScan(WAIT);
        assertNotNull(scan, "no scan after the camera came back");
        assertEquals(PASS, scan.code());
    }

    @Test
    void close_stops_scanning_and_may_be_repeated() throws Exception {
        // given a running scanner
        rig.showNothing();
        rig.scanner().start(events);
        assertNotNull(events.nextStatus(DeviceState.CONNECTED, WAIT), "never connected");

        // when it is closed, twice
        rig.scanner().close();
        rig.scanner().close();
        long decoded = rig.scanner().stats().framesDecoded();
        rig.show(PASS);
        Thread.sleep(500);

        // then it decodes no more frames and scans nothing
        assertEquals(decoded, rig.scanner().stats().framesDecoded());
        assertEquals(0, events.scansSoFar().size(), events.scansSoFar().toString());
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
