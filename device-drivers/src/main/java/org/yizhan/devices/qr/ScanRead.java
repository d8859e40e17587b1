package org.yizhan.devices.qr;

/**
 * What a scanner's decoder made of one stretch of input, before the {@link ScanFilter} sees it.
 */
public sealed interface ScanRead {

    /** A complete code as the scanner sent it; the filter still decides whether it is usable. */
    record Code(String text) implements ScanRead {
    }

    /** Input that cannot be a code (a key with no character, invalid UTF-8, no terminator in time). */
    record Unreadable(String reason) implements ScanRead {
    }

    /**
     * Input the decoder cannot make sense of at all, because the device or its configuration is wrong
     * (e.g. records of the wrong size): the scanner is degraded until it is reconnected.
     */
    record DeviceFault(String reason) implements ScanRead {
    }
}
