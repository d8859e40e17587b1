package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.QrScannerContract;
import org.yizhan.devices.qr.RecordingListener;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.StatusRecorder;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class EvdevQrScannerTest extends QrScannerContract {

    private static final Path DEVICE = Path.of("/dev/input/by-id/usb-Newland_HR22_Scanner-event-kbd");

    @TempDir
    Path temp;

    @Override
    protected Rig rig(DeviceStatusBoard board, Clock scanClock) {
        // The production reconnect interval: the contract's 5 s then holds for the shipped settings.
        EvdevScannerConfig config = new EvdevScannerConfig(NAME, DEVICE, 24, Keymap.us(),
                ScanFilter.DEFAULT_REPEAT_WINDOW, EvdevScannerConfig.DEFAULT_RECONNECT_INTERVAL);
        FakeInputDevice device = new FakeInputDevice();
        EvdevQrScanner scanner = new EvdevQrScanner(config, board, scanClock, device);
        return new Rig() {
            @Override
            public QrScanner scanner() {
                return scanner;
            }

            @Override
            public void present(String code) {
                device.send(new WedgeTyping(24, EvdevFixtureGenerator.TYPED_AT, code.hashCode()).line(code).bytes());
            }

            @Override
            public void vanish() {
                device.unplug();
            }

            @Override
            public void reappear() {
                device.plug();
            }
        };
    }

    @Test
    void reads_a_recorded_stream_through_the_real_file_opener() throws Exception {
        // given a file holding what a scanner typed, configured as the device
        String pass = Files.readString(fixture(EvdevFixtureGenerator.PASS_TEXT)).strip();
        Path recording = temp.resolve("scan.bin");
        Files.copy(fixture(EvdevFixtureGenerator.streamFile(24)), recording);
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        RecordingListener heard = new RecordingListener();

        // when a scanner with the real opener reads it
        try (EvdevQrScanner scanner = new EvdevQrScanner(config(recording, 24), otherBoard)) {
            scanner.start(heard);

            // then the pass arrives
            assertEquals(new RecordingListener.Scanned(pass), heard.next());
        }
    }

    @Test
    void a_missing_device_is_reported_absent_naming_its_path() throws Exception {
        // given a device path with nothing there
        Path missing = temp.resolve("usb-Nobody-event-kbd");
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder recorded = new StatusRecorder(otherBoard, "evdev");

        // when the scanner starts
        try (EvdevQrScanner scanner = new EvdevQrScanner(config(missing, 24), otherBoard)) {
            scanner.start(new RecordingListener());

            // then it is absent, and the maintainer is told where it was looked for
            DeviceStatus absent = recorded.await(DeviceState.ABSENT, WITHIN);
            assertTrue(absent.lastError().contains(missing.toString()), absent.lastError());
        }
    }

    @Test
    void a_device_the_kiosk_may_not_read_is_reported_degraded_pointing_at_the_udev_rule() throws Exception {
        // given a device that exists but refuses the kiosk user (root runs these tests, so the opener refuses)
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder recorded = new StatusRecorder(otherBoard, "evdev");
        InputDeviceOpener refusing = device -> {
            throw new AccessDeniedException(device.toString());
        };

        // when the scanner starts
        try (EvdevQrScanner scanner = new EvdevQrScanner(config(DEVICE, 24), otherBoard, Clock.systemUTC(), refusing)) {
            scanner.start(new RecordingListener());

            // then it is degraded, not absent, with a hint
            DeviceStatus degraded = recorded.await(DeviceState.DEGRADED, WITHIN);
            assertTrue(degraded.lastError().contains("udev rule"), degraded.lastError());
        }
    }

    @Test
    void closing_wakes_a_read_blocked_on_a_real_device_file() throws Exception {
        // given a scanner blocked reading a FIFO, which blocks like an event device when nothing is typed
        Path fifo = temp.resolve("event-kbd");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        // Held open for writing by the test, so the scanner's open does not wait for a writer.
        try (FileChannel writer = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
            StatusRecorder recorded = new StatusRecorder(otherBoard, "evdev");
            RecordingListener heard = new RecordingListener();
            EvdevQrScanner scanner = new EvdevQrScanner(config(fifo, 24), otherBoard);
            scanner.start(heard);
            recorded.await(DeviceState.CONNECTED, WITHIN);
            writer.write(ByteBuffer.wrap(new WedgeTyping(24, EvdevFixtureGenerator.TYPED_AT, 1).line("FIFO-PASS").bytes()));
            assertEquals(new RecordingListener.Scanned("FIFO-PASS"), heard.next());

            // when it is closed while its thread waits in read
            scanner.close();

            // then the thread has ended
            assertFalse(readingThreadAlive(), "the reading thread is still alive after close");
        }
    }

    static EvdevScannerConfig config(Path device, int recordSize) {
        return new EvdevScannerConfig("evdev", device, recordSize, Keymap.us(), ScanFilter.DEFAULT_REPEAT_WINDOW,
                Duration.ofMillis(50));
    }

    static Path fixture(String name) throws Exception {
        return Path.of(EvdevQrScannerTest.class.getResource("/qr/" + name).toURI());
    }

    private static boolean readingThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("qr-scanner-evdev") && t.isAlive());
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            try (InputStream output = process.getInputStream()) {
                output.readAllBytes();
            }
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
