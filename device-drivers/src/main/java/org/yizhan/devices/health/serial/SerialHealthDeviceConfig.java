package org.yizhan.devices.health.serial;

import java.time.Duration;
import java.util.Objects;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.HealthDeviceConfig;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A health device on a serial port: its name on the status board, the port (prefer
 * {@code /dev/serial/by-id/…}), the baud rate, the frame protocol, how long to wait before opening a port
 * that is not there again, and how long one read waits. The reopen interval bounds how soon a replugged
 * device is found; keep it under 5 s. Invalid values are refused at construction with a message naming
 * the field.
 */
public record SerialHealthDeviceConfig(
        String name,
        String port,
        int baud,
        SerialFrameProtocol protocol,
        Duration reopenInterval,
        Duration readTimeout) implements HealthDeviceConfig {

    public static final int DEFAULT_BAUD = 115_200;
    public static final Duration DEFAULT_REOPEN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(200);

    public SerialHealthDeviceConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException(name + ": port is blank; give a path such as /dev/serial/by-id/usb-…");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException(name + ": baud " + baud + " is not positive");
        }
        Objects.requireNonNull(protocol, "protocol");
        requirePositive(name, "reopen interval", reopenInterval);
        requirePositive(name, "read timeout", readTimeout);
    }

    /** {@link BridgeLineProtocol} at 115200 baud, reopening every second. */
    public static SerialHealthDeviceConfig bridge(String name, String port) {
        return new SerialHealthDeviceConfig(name, port, DEFAULT_BAUD, new BridgeLineProtocol(),
                DEFAULT_REOPEN_INTERVAL, DEFAULT_READ_TIMEOUT);
    }

    public SerialHealthDeviceConfig withBaud(int baud) {
        return new SerialHealthDeviceConfig(name, port, baud, protocol, reopenInterval, readTimeout);
    }

    public SerialHealthDeviceConfig withReopenInterval(Duration reopenInterval) {
        return new SerialHealthDeviceConfig(name, port, baud, protocol, reopenInterval, readTimeout);
    }

    /** The device on the real port through jSerialComm; nothing is opened until it is started. */
    @Override
    public HealthDevice create(DeviceStatusBoard board) {
        return new SerialHealthDevice(this, new JSerialCommLink(port, baud, readTimeout), board);
    }

    private static void requirePositive(String name, String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + ": " + what + " " + duration + " is not positive");
        }
    }
}
