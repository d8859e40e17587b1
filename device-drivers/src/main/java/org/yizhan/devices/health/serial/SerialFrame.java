package org.yizhan.devices.health.serial;

import java.util.Objects;
import org.yizhan.devices.health.BleNotification;

/** What a {@link SerialFrameProtocol} made of the bytes of one frame. Immutable. */
public sealed interface SerialFrame {

    /** A characteristic value for the kiosk to decode. */
    record Notification(BleNotification notification) implements SerialFrame {
        public Notification {
            Objects.requireNonNull(notification, "notification");
        }
    }

    /** A well-formed frame the kiosk has no use for (a characteristic it does not decode, a bridge comment). */
    record Ignored(String reason) implements SerialFrame {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Bytes that are no frame of the protocol: noise, a wrong baud rate, a broken bridge. */
    record Garbled(String reason) implements SerialFrame {
        public Garbled {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
