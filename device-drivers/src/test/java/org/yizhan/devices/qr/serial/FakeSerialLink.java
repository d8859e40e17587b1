package org.yizhan.devices.qr.serial;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.yizhan.devices.qr.ByteFeed;

/**
 * A serial port for {@link SerialQrScanner} to open: present or not, sending what the test gives it, with
 * reads that time out like jSerialComm's. Unplugging fails the open connection's next read with EIO's
 * message, as a hung-up tty does, and makes opens fail until it is plugged in again.
 */
final class FakeSerialLink implements SerialLink {

    static final String PORT = "/dev/serial/by-id/usb-Newland_NLS-EM20-80_USB_CDC-if00";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(50);

    private boolean present = true;
    private IOException openFailure;
    private ByteFeed open;
    private int opens;
    private int closes;

    @Override
    public synchronized void open() throws IOException {
        if (!present) {
            throw new NoSuchFileException(PORT);
        }
        if (openFailure != null) {
            throw openFailure;
        }
        opens++;
        open = new ByteFeed();
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        ByteFeed feed;
        synchronized (this) {
            feed = open;
        }
        if (feed == null) {
            throw new IOException(PORT + " is not open");
        }
        return feed.read(buffer, 0, buffer.length, READ_TIMEOUT);
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            closes++;
            open = null;
        }
    }

    synchronized void send(byte[] bytes) {
        if (open == null) {
            throw new IllegalStateException("nobody has opened the port");
        }
        open.send(bytes);
    }

    synchronized void unplug() {
        present = false;
        if (open != null) {
            open.fail(new IOException("Input/output error"));
        }
    }

    synchronized void plug() {
        present = true;
    }

    synchronized void failOpensWith(IOException failure) {
        openFailure = failure;
    }

    synchronized int opens() {
        return opens;
    }

    synchronized int closes() {
        return closes;
    }
}
