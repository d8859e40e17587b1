package org.yizhan.devices.qr;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link SimulatedQrScanner} ({@code scanner.kind=simulated}).
 *
 * @param name         the device name on the status board, e.g. {@code scanner}
 * @param repeatWindow the same code again within this window is one scan
 */
public record SimulatedScannerConfig(String name, Duration repeatWindow) {

    public SimulatedScannerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scanner.name must not be blank");
        }
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("scanner.repeat-window must not be negative, was " + repeatWindow);
        }
    }

    public static SimulatedScannerConfig defaults(String name) {
        return new SimulatedScannerConfig(name, ScanFilter.DEFAULT_REPEAT_WINDOW);
    }
}
