package org.yizhan.devices.health.serial;

import java.util.List;

/**
 * How a serial health device frames its characteristic values. {@link BridgeLineProtocol} is the one
 * Yizhan ships; a vendor's binary protocol would be another implementation, decoding its frames into the
 * same {@link SerialFrame}s so the rest of the transport, the parsers and the status stay the same.
 */
public interface SerialFrameProtocol {

    /** A short name for configuration and logs, e.g. {@code bridge-line}. */
    String name();

    /** A decoder for one opening of the port; it keeps a partial frame between reads and is used by one thread. */
    Decoder newDecoder();

    /** Turns the bytes read from the port into frames. */
    interface Decoder {

        /**
         * Takes the next {@code length} bytes of {@code bytes} as read and returns the frames they complete,
         * in order; none while a frame is incomplete. Never throws on bad input: it becomes {@link SerialFrame.Garbled}.
         */
        List<SerialFrame> feed(byte[] bytes, int length);
    }
}
