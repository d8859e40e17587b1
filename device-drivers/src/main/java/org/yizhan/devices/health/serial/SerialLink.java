package org.yizhan.devices.health.serial;

import java.io.IOException;

/**
 * A serial port as a {@link SerialHealthDevice} needs it: open, read what arrived, close.
 * {@link JSerialCommLink} is the real one; tests use a fake.
 *
 * <p>{@link #read} waits at most a short read timeout, so the reader notices a close promptly, and throws
 * when the port is gone (a USB adapter pulled out); the device then closes the link and opens it again
 * later. Used by one thread, except {@link #close}, which may come from any thread, more than once, and
 * makes a blocked {@code read} return or throw.
 */
public interface SerialLink extends AutoCloseable {

    /** What a maintainer recognises: the port path. */
    String portName();

    /** Opens the port; throws with a message saying why not (not there, busy, no permission). */
    void open() throws IOException;

    /** Reads into {@code buffer}; the number of bytes read, 0 when none came within the read timeout. */
    int read(byte[] buffer) throws IOException;

    @Override
    void close();
}
