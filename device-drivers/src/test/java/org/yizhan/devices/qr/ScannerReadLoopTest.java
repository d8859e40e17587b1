package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

class ScannerReadLoopTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    private final StatusRecorder statuses = new StatusRecorder(board, "loop");
    private volatile ByteFeed feed;
    private volatile boolean present = true;
    private final ScannerReadLoop loop = new ScannerReadLoop("loop", board,
            new ScanFilter(Clock.systemUTC(), Duration.ZERO), Duration.ofMillis(20), this::open, OneByteCodes::new);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void a_listener_that_throws_does_not_stop_the_reading() throws Exception {
        // given a listener that fails on its first code
        RecordingListener heard = new RecordingListener();
        loop.start(new QrScanListener() {
            private boolean failed;

            @Override
            public void scanned(String code) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("the kiosk's handler broke");
                }
                heard.scanned(code);
            }

            @Override
            public void refused(String reason) {
                heard.refused(reason);
            }
        });
        statuses.await(DeviceState.CONNECTED, WITHIN);

        // when two codes come
        feed.send("ab".getBytes(StandardCharsets.US_ASCII));

        // then the second still arrives
        assertEquals(new RecordingListener.Scanned("b"), heard.next());
    }

    @Test
    void a_device_fault_degrades_the_device_until_it_is_connected_again() throws Exception {
        // given a running loop
        RecordingListener heard = new RecordingListener();
        loop.start(heard);
        statuses.await(DeviceState.CONNECTED, WITHIN);

        // when the decoder finds the device's input makes no sense
        feed.send(new byte[] {'!'});

        // then the listener is told, and the board shows the device degraded with the same reason
        String reason = heard.nextRefusal().reason();
        assertEquals(reason, statuses.await(DeviceState.DEGRADED, WITHIN).lastError());

        // when the device is replugged, it is connected again
        present = false;
        feed.fail(new IOException("No such device"));
        statuses.await(DeviceState.ABSENT, WITHIN);
        present = true;
        statuses.await(DeviceState.CONNECTED, WITHIN);
    }

    @Test
    void starts_once_and_never_after_close() {
        loop.start(new RecordingListener());

        assertThrows(IllegalStateException.class, () -> loop.start(new RecordingListener()));
        loop.close();
        ScannerReadLoop closed = new ScannerReadLoop("closed", board, new ScanFilter(Clock.systemUTC(), Duration.ZERO),
                Duration.ofMillis(20), this::open, OneByteCodes::new);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.start(new RecordingListener()));
    }

    private ScannerReadLoop.Source open() throws IOException {
        if (!present) {
            throw new NoSuchFileException("/dev/loop-device");
        }
        ByteFeed opened = new ByteFeed();
        feed = opened;
        return new ScannerReadLoop.Source() {
            @Override
            public int read(byte[] buffer) throws IOException {
                return opened.read(buffer, 0, buffer.length, null);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Each byte is a code of one character; '!' is input no device should send. */
    private static final class OneByteCodes implements ScanDecoder {
        @Override
        public void decode(byte[] bytes, int length, Consumer<ScanRead> out) {
            for (int i = 0; i < length; i++) {
                out.accept(bytes[i] == '!' ? new ScanRead.DeviceFault("the device speaks nonsense")
                        : new ScanRead.Code(String.valueOf((char) bytes[i])));
            }
        }

        @Override
        public Optional<ScanRead> end() {
            return Optional.empty();
        }
    }
}
