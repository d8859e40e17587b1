package org.yizhan.devices.qr.serial;

import java.io.IOException;

/**
 * A serial port as a {@link SerialQrScanner} uses it: the seam between the scanner and jSerialComm
 * ({@link JSerialCommLink}), so tests drive the scanner with a fake port.
 *
 * <p>One thread at a time opens, reads and closes; a link may be opened again after it is closed.
 */
public interface SerialLink {

    /**
     * Opens the port.
     *
     * @throws java.nio.file.NoSuchFileException while the port is not there
     * @throws java.nio.file.AccessDeniedException when the kiosk may not open it
     * @throws IOException when it cannot be opened for another reason (busy, bad settings)
     */
    void open() throws IOException;

    /**
     * Reads what has arrived into {@code buffer}, waiting at most the link's read timeout: returns the
     * count read, 0 when nothing came in time.
     *
     * @throws IOException when the port vanished or failed
     */
    int read(byte[] buffer) throws IOException;

    /** Closes the port if it is open; never throws. */
    void close();
}
