package org.yizhan.devices.qr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes a fake device sends: the test {@link #send}s them from its thread, the scanner's reading
 * thread reads them, in order, in pieces of whatever size it asks for. {@link #fail} makes the next read
 * throw, as a read from an unplugged device does. A blocked read ends when its thread is interrupted.
 */
public final class ByteFeed {

    private record Chunk(byte[] bytes, IOException failure) {
    }

    private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    private Chunk current;
    private int offset;

    public void send(byte[] bytes) {
        chunks.add(new Chunk(bytes.clone(), null));
    }

    public void fail(IOException failure) {
        chunks.add(new Chunk(null, failure));
    }

    /** Reads what has been sent, waiting at most {@code timeout}; returns 0 when nothing came in time. */
    public int read(byte[] buffer, int off, int len, Duration timeout) throws IOException {
        if (current == null) {
            try {
                current = timeout == null ? chunks.take() : chunks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading thread interrupted");
            }
            offset = 0;
            if (current == null) {
                return 0;
            }
        }
        if (current.failure() != null) {
            IOException failure = current.failure();
            // A failed device keeps failing.
            chunks.clear();
            chunks.add(current);
            current = null;
            throw failure;
        }
        int count = Math.min(len, current.bytes().length - offset);
        System.arraycopy(current.bytes(), offset, buffer, off, count);
        offset += count;
        if (offset == current.bytes().length) {
            current = null;
        }
        return count;
    }

    /** A stream that blocks until bytes are sent. */
    public InputStream asInputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : ByteFeed.this.read(b, off, len, null);
            }
        };
    }
}
