package org.yizhan.devices.qr.evdev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.yizhan.devices.qr.ScanFilter;

/**
 * Configuration of a keyboard-wedge scanner read through evdev ({@code scanner.kind=evdev}).
 *
 * @param name              the device name on the status board, e.g. {@code scanner}
 * @param device            {@code scanner.device}: the event device, best a stable path such as
 *                          {@code /dev/input/by-id/usb-…-event-kbd} or the udev rule's
 *                          {@code /dev/yizhan-scanner}
 * @param recordSize        {@code scanner.record-size}: 24 for a 64-bit JVM, 16 for a 32-bit one
 * @param keymap            {@code scanner.keymap}: the layout the scanner types on
 * @param repeatWindow      the same code again within this window is one scan
 * @param reconnectInterval how often a vanished device is looked for again
 */
public record EvdevScannerConfig(String name, Path device, int recordSize, Keymap keymap, Duration repeatWindow,
        Duration reconnectInterval) {

    public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofSeconds(1);

    public EvdevScannerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(keymap, "keymap");
        Objects.requireNonNull(repeatWindow, "repeatWindow");
        Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scanner.name must not be blank");
        }
        if (recordSize != InputEventDecoder.RECORD_SIZE_32_BIT && recordSize != InputEventDecoder.RECORD_SIZE_64_BIT) {
            throw new IllegalArgumentException("scanner.record-size must be 16 or 24, was " + recordSize);
        }
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("scanner.repeat-window must not be negative, was " + repeatWindow);
        }
        if (reconnectInterval.isNegative() || reconnectInterval.isZero()) {
            throw new IllegalArgumentException("scanner.reconnect-interval must be positive, was " + reconnectInterval);
        }
    }

    /** US keymap, record size of this JVM, the default repeat window, looked for again every second. */
    public static EvdevScannerConfig defaults(String name, Path device) {
        return new EvdevScannerConfig(name, device, recordSizeFor(System.getProperty("os.arch", "")), Keymap.us(),
                ScanFilter.DEFAULT_REPEAT_WINDOW, DEFAULT_RECONNECT_INTERVAL);
    }

    /**
     * The input_event size a JVM of this {@code os.arch} reads. The kernel writes records in the layout
     * of the reading process, not its own: a 32-bit JVM (arm, armhf, i386) reads 16-byte records even on
     * a Pi's 64-bit kernel; a 64-bit one (aarch64, amd64, x86_64, ppc64le, riscv64) reads 24.
     */
    public static int recordSizeFor(String osArch) {
        return osArch.contains("64") ? InputEventDecoder.RECORD_SIZE_64_BIT : InputEventDecoder.RECORD_SIZE_32_BIT;
    }
}
