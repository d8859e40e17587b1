package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The camera scanner on a real Pi camera through {@code rpicam-vid}. Runs only with
 * {@code YIZHAN_HARDWARE=1}; set {@code YIZHAN_CAMERA_EXPECT} to the text of a code held in front of the
 * camera to check that it is read too.
 */
@Tag("hardware")
class CameraQrScannerHardwareTest {

    @BeforeEach
    void onlyWithHardware() {
        if (!"1".equals(System.getenv("YIZHAN_HARDWARE"))) {
            Assumptions.abort("no camera here: set YIZHAN_HARDWARE=1 on a Pi with a camera to run this");
        }
    }

    @Test
    void the_pi_camera_streams_and_reads_the_code_in_front_of_it() throws Exception {
        // given the scanner with its default configuration
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        ScannerEvents events = new ScannerEvents(board);
        try (CameraQrScanner scanner = CameraQrScanner.real(CameraScannerConfig.defaults("scanner"), board,
                Clock.systemUTC())) {

            // when it starts
            scanner.start(events);

            // then rpicam-vid delivers frames, and the code shown, if any, is read
            assertNotNull(events.nextStatus(DeviceState.CONNECTED, Duration.ofSeconds(15)),
                    "rpicam-vid delivered no frame: " + board.snapshot());
            String expected = System.getenv("YIZHAN_CAMERA_EXPECT");
            if (expected != null) {
                ScannerEvents.Scan scan = events.nextScan(Duration.ofSeconds(30));
                assertNotNull(scan, "nothing read in 30 s");
                assertEquals(expected, scan.code());
            }
        }
    }
}
