package org.yizhan.devices.qr;

/**
 * A QR scanner of any kind: keyboard-wedge, serial, camera, or simulated.
 *
 * <p>After {@link #start}, every code read is passed through a {@link ScanFilter} and reaches the
 * listener once: as {@link QrScanListener#scanned} or, when unusable, as {@link QrScanListener#refused}
 * with a reason. A scanner that vanishes reports itself absent on the device status board and is looked
 * for again until it returns; it never ends by itself. Listener calls come on the scanner's own thread.
 *
 * <p>{@link #close} stops reading and releases the device; it may be called from any thread, more than
 * once.
 */
public interface QrScanner extends AutoCloseable {

    /** The configured device name, as on the device status board. */
    String name();

    void start(QrScanListener listener);

    @Override
    void close();
}
