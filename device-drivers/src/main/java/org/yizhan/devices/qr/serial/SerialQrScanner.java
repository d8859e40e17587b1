package org.yizhan.devices.qr.serial;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.ScannerReadLoop;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A scanner that sends each code as a line on a serial port (a USB scanner in "USB COM"/CDC mode, or a
 * UART module on the Pi's header).
 *
 * <p>Lines are split and decoded by {@link SerialLineDecoder}; codes go through the {@link ScanFilter} to
 * the listener, on the scanner's reading thread. A port that fails or vanishes is reported
 * {@code absent} and opened again every {@code reconnectInterval} until it returns and is reported
 * {@code connected}. A UART module wired to the header cannot be seen to leave: its port never goes
 * away. The rest of the contract is {@link QrScanner}'s and {@link ScannerReadLoop}'s.
 */
public final class SerialQrScanner implements QrScanner {

    private final String name;
    private final ScannerReadLoop loop;

    /** The real scanner on {@code config.port()}, through jSerialComm. */
    public SerialQrScanner(SerialScannerConfig config, DeviceStatusBoard board) {
        this(config, board, Clock.systemUTC(), new JSerialCommLink(config.port(), config.baud()));
    }

    public SerialQrScanner(SerialScannerConfig config, DeviceStatusBoard board, Clock clock, SerialLink link) {
        Objects.requireNonNull(link, "link");
        this.name = config.name();
        this.loop = new ScannerReadLoop(name, board, new ScanFilter(clock, config.repeatWindow()),
                config.reconnectInterval(), () -> open(link), () -> new SerialLineDecoder(config.terminator()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(QrScanListener listener) {
        loop.start(listener);
    }

    @Override
    public void close() {
        loop.close();
    }

    private static ScannerReadLoop.Source open(SerialLink link) throws IOException {
        link.open();
        return new ScannerReadLoop.Source() {
            @Override
            public int read(byte[] buffer) throws IOException {
                return link.read(buffer);
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }
}
