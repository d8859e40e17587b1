package org.yizhan.devices.qr;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the bytes of one connection to a scanner into {@link ScanRead}s. A decoder keeps state between
 * calls (a code may arrive in several reads) and is used for one connection only: a reconnected device
 * gets a fresh decoder, so half a code from before an unplug never prefixes the next one.
 *
 * <p>Threading: one thread at a time.
 */
public interface ScanDecoder {

    /** Decodes {@code length} bytes of {@code bytes}, passing each complete read to {@code out} in order. */
    void decode(byte[] bytes, int length, Consumer<ScanRead> out);

    /** The connection ended: a code begun but not finished, as an unreadable read; else empty. */
    Optional<ScanRead> end();
}
