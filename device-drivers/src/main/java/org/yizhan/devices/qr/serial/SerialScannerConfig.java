package org.yizhan.devices.qr.serial;

import java.time.Duration;
import java.util.Objects;
import org.yizhan.devices.qr.ScanFilter;

/**
 * Configuration of a scanner in serial mode, USB CDC or UART ({@code scanner.kind=serial}).
 *
 * @param name              the device name on the status board, e.g. {@code scanner}
 * @param port              {@code scanner.device}: the port, best a stable {@code /dev/serial/by-id/…} path
 *                          or the udev rule's {@code /dev/yizhan-scanner}; {@code /dev/ttyACM0} works too
 * @param baud              {@code scanner.baud}; USB CDC scanners ignore it, UART modules need it right
 * @param terminator        {@code scanner.terminator}: what the scanner sends after each code
 * @param repeatWindow      the same code again within this window is one scan
 * @param reconnectInterval how often a vanished port is looked for again
 */
public record SerialScannerConfig(String name, String port, int baud, Terminator terminator, Duration repeatWindow,
        Duration reconnectInterval) {

    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofSeconds(1);

    public SerialScannerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scanner.name must not be blank");
        }
        if (port.isBlank()) {
            throw new IllegalArgumentException("scanner.device must name a serial port, e.g. /dev/ttyACM0");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("scanner.baud must be positive, was " + baud);
        }
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("scanner.repeat-window must not be negative, was " + repeatWindow);
        }
        if (reconnectInterval.isNegative() || reconnectInterval.isZero()) {
            throw new IllegalArgumentException("scanner.reconnect-interval must be positive, was " + reconnectInterval);
        }
    }

    /** 9600 baud, CR after each code, the default repeat window, looked for again every second. */
    public static SerialScannerConfig defaults(String name, String port) {
        return new SerialScannerConfig(name, port, DEFAULT_BAUD, Terminator.CR, ScanFilter.DEFAULT_REPEAT_WINDOW,
                DEFAULT_RECONNECT_INTERVAL);
    }
}
