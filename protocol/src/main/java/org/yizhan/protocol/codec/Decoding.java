package org.yizhan.protocol.codec;

import java.util.Objects;
import java.util.Optional;

/** What {@link PayloadCodec} made of a payload: the message, or why there is none. */
public sealed interface Decoding<T> {

    record Decoded<T>(T message) implements Decoding<T> {
        public Decoded {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param reason what is wrong, naming the field where there is one (e.g. {@code devices[0].state: …});
     *               quotes at most a short excerpt of the payload
     */
    record Failed<T>(String reason) implements Decoding<T> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    default Optional<T> decoded() {
        return this instanceof Decoded<T> decoded ? Optional.of(decoded.message()) : Optional.empty();
    }
}
