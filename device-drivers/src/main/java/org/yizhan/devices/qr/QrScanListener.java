package org.yizhan.devices.qr;

/** Receives what a {@link QrScanner} reads. */
public interface QrScanListener {

    /** A code was read: at most 4 KB, no control characters, not a repeat of the last moment. */
    void scanned(String code);

    /** Something was read that cannot be a code; {@code reason} says why, for support engineers. */
    void refused(String reason);
}
