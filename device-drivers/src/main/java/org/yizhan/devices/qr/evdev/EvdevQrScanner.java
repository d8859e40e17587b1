package org.yizhan.devices.qr.evdev;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.ScannerReadLoop;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A USB keyboard-wedge scanner read from its Linux event device ({@code /dev/input/…}), so the codes it
 * "types" reach the kiosk whichever window has focus, and never the desktop (see the udev rule in
 * docs/devices.md).
 *
 * <p>Key events are decoded by {@link EvdevScanDecoder} (record size and keymap from the config); codes
 * go through the {@link ScanFilter} to the listener, on the scanner's reading thread. An unplugged
 * scanner's read fails: it is reported {@code absent} and its path is tried again every
 * {@code reconnectInterval} until it returns and is reported {@code connected}. Records of the wrong
 * size report it {@code degraded}, naming the setting to fix. The rest of the contract is
 * {@link QrScanner}'s and {@link ScannerReadLoop}'s.
 */
public final class EvdevQrScanner implements QrScanner {

    private final String name;
    private final ScannerReadLoop loop;

    /** The real scanner at {@code config.device()}. */
    public EvdevQrScanner(EvdevScannerConfig config, DeviceStatusBoard board) {
        this(config, board, Clock.systemUTC(), InputDeviceOpener.FILES);
    }

    public EvdevQrScanner(EvdevScannerConfig config, DeviceStatusBoard board, Clock clock, InputDeviceOpener opener) {
        Objects.requireNonNull(opener, "opener");
        this.name = config.name();
        this.loop = new ScannerReadLoop(name, board, new ScanFilter(clock, config.repeatWindow()),
                config.reconnectInterval(), () -> source(opener.open(config.device())),
                () -> new EvdevScanDecoder(config.recordSize(), config.keymap()));
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

    private static ScannerReadLoop.Source source(InputStream in) {
        return new ScannerReadLoop.Source() {
            @Override
            public int read(byte[] buffer) throws IOException {
                // The whole buffer every time: evdev fails reads shorter than one record with EINVAL.
                return in.read(buffer, 0, buffer.length);
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException e) {
                    // Closing a device that is already gone fails; there is nothing left to release.
                }
            }
        };
    }
}
