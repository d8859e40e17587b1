package org.yizhan.devices.health;

import java.util.Objects;
import org.yizhan.devices.health.ParseResult.RejectionKind;

/**
 * A characteristic value that gave no measurement, with what a support engineer needs to reproduce it:
 * the characteristic, why it was refused, and the bytes as sent ({@code "04 78 00"}, empty for none), which
 * can be pasted into the headless {@code ble} command as they are. Immutable.
 */
public record FrameRejection(Characteristic characteristic, RejectionKind kind, String reason, String hexBytes)
        implements DecodedFrame {

    public FrameRejection {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hexBytes, "hexBytes");
    }

    /** One line for a log or a support screen: "2A35 frame rejected (MALFORMED): … [04 78 00]". */
    public String describe() {
        return characteristic.hexId() + " frame rejected (" + kind + "): " + reason + " [" + hexBytes + "]";
    }
}
