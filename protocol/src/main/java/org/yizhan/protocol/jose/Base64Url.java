package org.yizhan.protocol.jose;

import java.util.Base64;
import java.util.Optional;

/** Unpadded base64url (RFC 7515 section 2), decoded strictly. Stateless and thread-safe. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /**
     * The bytes {@code text} encodes, or empty when it is not canonical unpadded base64url. The JDK decoder
     * accepts padding and ignores the unused low bits of the last character, so two different texts could
     * decode to the same bytes; re-encoding and comparing refuses those.
     */
    static Optional<byte[]> decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isAlphabet(text.charAt(i))) {
                return Optional.empty();
            }
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return encode(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }
}
