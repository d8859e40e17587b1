package org.yizhan.devices.qr.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.QrScannerContract;
import org.yizhan.devices.qr.RecordingListener;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.StatusRecorder;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class SerialQrScannerTest extends QrScannerContract {

    private FakeSerialLink link;
    private SerialQrScanner scanner;

    @Override
    protected Rig rig(DeviceStatusBoard board, Clock scanClock) {
        link = new FakeSerialLink();
        // The production reconnect interval: the contract's 5 s then holds for the shipped settings.
        scanner = new SerialQrScanner(SerialScannerConfig.defaults(NAME, FakeSerialLink.PORT), board, scanClock, link);
        return new Rig() {
            @Override
            public QrScanner scanner() {
                return scanner;
            }

            @Override
            public void present(String code) {
                link.send((code + "\r").getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void vanish() {
                link.unplug();
            }

            @Override
            public void reappear() {
                link.plug();
            }
        };
    }

    @Test
    void a_code_cut_off_by_an_unplug_is_refused_not_joined_to_the_next() throws Exception {
        // given half a code on the line
        link.send("HALF-A-PA".getBytes(StandardCharsets.US_ASCII));

        // when the scanner is unplugged, plugged back in, and reads a code
        link.unplug();
        statuses.await(DeviceState.ABSENT, WITHIN);
        link.plug();
        statuses.await(DeviceState.CONNECTED, WITHIN);
        link.send("WHOLE\r".getBytes(StandardCharsets.US_ASCII));

        // then the half is refused and the next code arrives alone
        assertTrue(listener.nextRefusal().reason().contains("before its terminator"));
        assertEquals(new RecordingListener.Scanned("WHOLE"), listener.next());
    }

    @Test
    void the_port_is_closed_after_each_connection_and_when_the_scanner_closes() throws Exception {
        // given a connection lost and made again
        link.unplug();
        statuses.await(DeviceState.ABSENT, WITHIN);
        link.plug();
        statuses.await(DeviceState.CONNECTED, WITHIN);

        // when the scanner closes
        scanner.close();

        // then every port opened was closed
        assertEquals(2, link.opens());
        assertEquals(2, link.closes());
    }

    @Test
    void a_port_that_cannot_be_opened_is_reported_absent_with_the_reason() throws Exception {
        // given a port held by another program
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder recorded = new StatusRecorder(otherBoard, "serial");
        FakeSerialLink busy = new FakeSerialLink();
        busy.failOpensWith(new IOException(FakeSerialLink.PORT + " is busy: another program (ModemManager?) holds it"));
        SerialScannerConfig config = new SerialScannerConfig("serial", FakeSerialLink.PORT, 9600, Terminator.CR,
                ScanFilter.DEFAULT_REPEAT_WINDOW, Duration.ofMillis(50));

        // when the scanner starts
        try (SerialQrScanner other = new SerialQrScanner(config, otherBoard, Clock.systemUTC(), busy)) {
            other.start(new RecordingListener());

            // then the board says why
            DeviceStatus absent = recorded.await(DeviceState.ABSENT, WITHIN);
            assertTrue(absent.lastError().contains("busy"), absent.lastError());
        }
    }
}
