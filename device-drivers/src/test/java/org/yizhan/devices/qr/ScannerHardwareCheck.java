package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A check of a real scanner with a person at it, for the tests tagged {@code hardware}: scan a code,
 * unplug the scanner, plug it back in, scan again. Prompts go to standard error.
 */
public final class ScannerHardwareCheck {

    private static final Duration PERSON = Duration.ofSeconds(30);

    private ScannerHardwareCheck() {
    }

    /** The value of {@code variable}, aborting the test with a message unless hardware tests are enabled. */
    public static String requireHardware(String variable, String example) {
        if (!"1".equals(System.getenv("YIZHAN_HARDWARE"))) {
            Assumptions.abort("needs a real scanner: set YIZHAN_HARDWARE=1 and " + variable + "=" + example);
        }
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            Assumptions.abort("set " + variable + " to the scanner's device, e.g. " + example);
        }
        return value;
    }

    public static void exercise(BiFunction<DeviceStatusBoard, String, QrScanner> scanners) throws Exception {
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder statuses = new StatusRecorder(board, "scanner");
        RecordingListener heard = new RecordingListener();
        try (QrScanner scanner = scanners.apply(board, "scanner")) {
            scanner.start(heard);
            statuses.await(DeviceState.CONNECTED, PERSON);
            prompt("scan any QR code");
            assertInstanceOf(RecordingListener.Scanned.class, heard.next(PERSON));
            prompt("unplug the scanner");
            statuses.await(DeviceState.ABSENT, PERSON);
            prompt("plug the scanner back in");
            statuses.await(DeviceState.CONNECTED, PERSON);
            prompt("scan a different QR code");
            assertInstanceOf(RecordingListener.Scanned.class, heard.next(PERSON));
        }
    }

    private static void prompt(String what) {
        System.err.println(">>> " + what + " within " + PERSON.toSeconds() + " s");
    }
}
