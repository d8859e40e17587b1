package org.yizhan.devices.health.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link SerialLink} on a real port through jSerialComm: 8 data bits, no parity, one stop bit, at the
 * configured baud rate, reads semi-blocking with the configured timeout.
 *
 * <p>Use a stable path such as {@code /dev/serial/by-id/usb-…}: {@code /dev/ttyUSB0} may become
 * {@code ttyUSB1} after a replug. A port that disappears makes jSerialComm's read fail (-1), and, as a
 * second check, a device node under {@code /dev} that no longer exists fails the next empty read too.
 */
public final class JSerialCommLink implements SerialLink {

    private final String portName;
    private final int baud;
    private final Duration readTimeout;
    private volatile SerialPort port;

    public JSerialCommLink(String portName, int baud, Duration readTimeout) {
        this.portName = Objects.requireNonNull(portName, "portName");
        this.baud = baud;
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    @Override
    public String portName() {
        return portName;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        if (isDeviceNode() && !Files.exists(Path.of(portName))) {
            throw new IOException(portName + " does not exist (unplugged?)");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(portName + " is not a serial port: " + e.getMessage(), e);
        }
        candidate.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.max(1, readTimeout.toMillis()), 0);
        if (!candidate.openPort()) {
            throw new IOException("cannot open " + portName + " (error " + candidate.getLastErrorCode()
                    + "; busy, or the kiosk user not in the dialout group?)");
        }
        port = candidate;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        SerialPort open = port;
        if (open == null) {
            throw new IOException(portName + " is not open");
        }
        int read = open.readBytes(buffer, buffer.length);
        if (read < 0) {
            throw new IOException(portName + " is gone (read failed with error " + open.getLastErrorCode() + ")");
        }
        if (read == 0 && isDeviceNode() && !Files.exists(Path.of(portName))) {
            throw new IOException(portName + " disappeared");
        }
        return read;
    }

    @Override
    public synchronized void close() {
        SerialPort open = port;
        port = null;
        if (open != null) {
            open.closePort();
        }
    }

    private boolean isDeviceNode() {
        return portName.startsWith("/dev/");
    }
}
