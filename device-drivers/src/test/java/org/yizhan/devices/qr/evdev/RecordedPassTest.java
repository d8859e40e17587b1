package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.devices.qr.RecordingListener;
import org.yizhan.devices.qr.ScanRead;
import org.yizhan.devices.qr.StatusRecorder;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** The evdev scanner on the committed streams of a scanner typing a pass (see src/test/resources/qr/README.md). */
class RecordedPassTest {

    private final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    private final StatusRecorder statuses = new StatusRecorder(board, "evdev");
    private final RecordingListener listener = new RecordingListener();

    @ParameterizedTest(name = "{0}-byte records")
    @ValueSource(ints = {16, 24})
    void reads_the_pass_a_scanner_typed(int recordSize) throws Exception {
        // given a device that plays the recording once, then is gone
        byte[] recording = Files.readAllBytes(EvdevQrScannerTest.fixture(EvdevFixtureGenerator.streamFile(recordSize)));

        // when a scanner configured for that record size reads it
        try (EvdevQrScanner scanner = new EvdevQrScanner(EvdevQrScannerTest.config(Path.of("/dev/yizhan-scanner"),
                recordSize), board, Clock.systemUTC(), playingOnce(recording))) {
            scanner.start(listener);

            // then the pass is scanned, whole
            assertEquals(new RecordingListener.Scanned(pass()), listener.next());
        }
    }

    @ParameterizedTest(name = "{0}-byte records")
    @ValueSource(ints = {16, 24})
    void a_stream_read_with_the_wrong_record_size_degrades_the_scanner_naming_the_right_one(int recordSize)
            throws Exception {
        // given a recording of one record size, and a scanner configured for the other
        byte[] recording = Files.readAllBytes(EvdevQrScannerTest.fixture(EvdevFixtureGenerator.streamFile(recordSize)));
        int wrong = recordSize == 24 ? 16 : 24;

        // when the scanner reads it
        try (EvdevQrScanner scanner = new EvdevQrScanner(EvdevQrScannerTest.config(Path.of("/dev/yizhan-scanner"),
                wrong), board, Clock.systemUTC(), playingOnce(recording))) {
            scanner.start(listener);

            // then nothing is scanned; the read is refused and the board says which setting to change
            RecordingListener.Refused refused = listener.nextRefusal();
            assertTrue(refused.reason().contains("scanner.record-size=" + recordSize), refused.reason());
            DeviceStatus degraded = statuses.await(DeviceState.DEGRADED, RecordingListener.PATIENCE);
            assertEquals(refused.reason(), degraded.lastError());
        }
    }

    @Test
    void the_decoders_alone_find_one_code_in_each_recording_and_nothing_left_over() throws Exception {
        for (int recordSize : new int[] {16, 24}) {
            // given a recording
            byte[] recording = Files.readAllBytes(EvdevQrScannerTest.fixture(EvdevFixtureGenerator.streamFile(recordSize)));
            EvdevScanDecoder decoder = new EvdevScanDecoder(recordSize, Keymap.us());
            List<ScanRead> reads = new ArrayList<>();

            // when it is decoded in pieces that split records, as reads may
            for (int offset = 0; offset < recording.length; offset += 1000) {
                byte[] piece = Arrays.copyOfRange(recording, offset, Math.min(recording.length, offset + 1000));
                decoder.decode(piece, piece.length, reads::add);
            }

            // then it holds exactly the pass, and the input ended cleanly after Enter
            assertEquals(List.of(new ScanRead.Code(pass())), reads, recordSize + "-byte records");
            assertTrue(decoder.end().isEmpty());
        }
    }

    @Test
    void the_committed_fixtures_are_what_the_generator_writes() throws Exception {
        // given the generator's output
        String pass = EvdevFixtureGenerator.pass();

        // then the committed files match it byte for byte
        assertEquals(pass, pass());
        for (int recordSize : new int[] {16, 24}) {
            assertArrayEquals(EvdevFixtureGenerator.stream(recordSize, pass),
                    Files.readAllBytes(EvdevQrScannerTest.fixture(EvdevFixtureGenerator.streamFile(recordSize))),
                    EvdevFixtureGenerator.streamFile(recordSize));
        }
    }

    @Test
    void the_fixture_pass_exercises_shift_and_every_kind_of_base64url_character() throws Exception {
        String pass = pass();

        assertTrue(pass.chars().anyMatch(Character::isUpperCase), "upper case (Shift)");
        assertTrue(pass.chars().anyMatch(Character::isLowerCase), "lower case");
        assertTrue(pass.chars().anyMatch(Character::isDigit), "digits");
        assertTrue(pass.contains("-") && pass.contains("_") && pass.contains("."), "- _ .");
        assertEquals(2, pass.chars().filter(c -> c == '.').count(), "header.claims.signature");
    }

    private static String pass() throws Exception {
        return Files.readString(EvdevQrScannerTest.fixture(EvdevFixtureGenerator.PASS_TEXT)).strip();
    }

    private static InputDeviceOpener playingOnce(byte[] recording) {
        AtomicBoolean played = new AtomicBoolean();
        return device -> {
            if (played.getAndSet(true)) {
                throw new NoSuchFileException(device.toString());
            }
            return new ByteArrayInputStream(recording);
        };
    }
}
