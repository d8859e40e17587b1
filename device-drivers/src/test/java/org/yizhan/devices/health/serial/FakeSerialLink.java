package org.yizhan.devices.health.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A serial port in memory: bytes the test sends wait until read, in chunks as sent; unplugging makes
 * reads and opens fail until it is plugged in again. Reads wait briefly for data, like a port's read timeout.
 */
final class FakeSerialLink implements SerialLink {

    private static final long READ_TIMEOUT_MILLIS = 20;

    private final Deque<byte[]> incoming = new ArrayDeque<>();
    private boolean present;
    private boolean open;
    private int opens;

    FakeSerialLink(boolean present) {
        this.present = present;
    }

    /** The device writes {@code text}, ASCII, exactly as given. */
    synchronized void send(String text) {
        incoming.add(text.getBytes(StandardCharsets.US_ASCII));
        notifyAll();
    }

    synchronized void send(byte[] bytes) {
        incoming.add(bytes.clone());
        notifyAll();
    }

    /** The USB adapter is pulled out: what was not read is lost, the open port fails. */
    synchronized void unplug() {
        present = false;
        incoming.clear();
        notifyAll();
    }

    synchronized void plug() {
        present = true;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized int opens() {
        return opens;
    }

    @Override
    public String portName() {
        return "/dev/fake-cuff";
    }

    @Override
    public synchronized void open() throws IOException {
        opens++;
        if (!present) {
            throw new IOException("/dev/fake-cuff does not exist (unplugged?)");
        }
        open = true;
    }

    @Override
    public synchronized int read(byte[] buffer) throws IOException {
        if (incoming.isEmpty() && present && open) {
            try {
                wait(READ_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (!present) {
            throw new IOException("/dev/fake-cuff is gone");
        }
        if (!open) {
            throw new IOException("/dev/fake-cuff is not open");
        }
        byte[] chunk = incoming.poll();
        if (chunk == null) {
            return 0;
        }
        int length = Math.min(chunk.length, buffer.length);
        System.arraycopy(chunk, 0, buffer, 0, length);
        if (length < chunk.length) {
            byte[] rest = new byte[chunk.length - length];
            System.arraycopy(chunk, length, rest, 0, rest.length);
            incoming.addFirst(rest);
        }
        return length;
    }

    @Override
    public synchronized void close() {
        open = false;
        notifyAll();
    }
}
