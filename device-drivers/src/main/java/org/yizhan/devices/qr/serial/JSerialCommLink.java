package org.yizhan.devices.qr.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link SerialLink} on a real port through jSerialComm: 8 data bits, no parity, one stop bit, no flow
 * control, at the configured baud rate.
 *
 * <p>Reads are semi-blocking with a timeout (rounded to jSerialComm's 100 ms steps), so the reading
 * thread notices {@code close} within that time. When a USB serial device is unplugged the kernel hangs
 * the tty up and jSerialComm's read returns -1, which becomes an {@link IOException}; a read that
 * returns nothing while the port's path has gone counts as vanished too. Each {@link #open} resolves the
 * path again, so a {@code /dev/serial/by-id/…} link follows the device to its new {@code ttyACM} number.
 */
public final class JSerialCommLink implements SerialLink {

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(200);

    private static final int EACCES = 13;
    private static final int ENOENT = 2;
    private static final int EBUSY = 16;

    private final String port;
    private final int baud;
    private final int readTimeoutMillis;
    private SerialPort open;

    public JSerialCommLink(String port, int baud) {
        this(port, baud, DEFAULT_READ_TIMEOUT);
    }

    public JSerialCommLink(String port, int baud, Duration readTimeout) {
        this.port = Objects.requireNonNull(port, "port");
        this.baud = baud;
        this.readTimeoutMillis = (int) Math.max(100, readTimeout.toMillis());
    }

    @Override
    public void open() throws IOException {
        close();
        if (!Files.exists(Path.of(port))) {
            throw new NoSuchFileException(port);
        }
        SerialPort serial;
        try {
            serial = SerialPort.getCommPort(port);
        } catch (SerialPortInvalidPortException e) {
            throw new NoSuchFileException(port, null, e.getMessage());
        } catch (LinkageError e) {
            // jSerialComm extracts its native library to a temporary directory; that can fail (noexec /tmp).
            throw new IOException("jSerialComm could not load its native library: " + e, e);
        }
        serial.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        serial.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        serial.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMillis, 0);
        if (!serial.openPort()) {
            int errno = serial.getLastErrorCode();
            switch (errno) {
                case EACCES -> throw new AccessDeniedException(port, null,
                        "permission denied: is the kiosk user in the port's group (dialout)?");
                case ENOENT -> throw new NoSuchFileException(port);
                case EBUSY -> throw new IOException(port + " is busy: another program (ModemManager?) holds it");
                default -> throw new IOException("cannot open " + port + " (errno " + errno + ")");
            }
        }
        open = serial;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        SerialPort serial = open;
        if (serial == null) {
            throw new IOException(port + " is not open");
        }
        int count = serial.readBytes(buffer, buffer.length);
        if (count < 0) {
            throw new IOException(port + " vanished (errno " + serial.getLastErrorCode() + ")");
        }
        if (count == 0 && !Files.exists(Path.of(port))) {
            throw new NoSuchFileException(port, null, "vanished");
        }
        return count;
    }

    @Override
    public void close() {
        SerialPort serial = open;
        open = null;
        if (serial != null) {
            serial.closePort();
        }
    }

    @Override
    public String toString() {
        return port + " at " + baud + " baud";
    }
}
