package org.yizhan.protocol.command;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JWS compact serialization (RFC 7515 section 7.1): {@code BASE64URL(header) "." BASE64URL(payload) "."
 * BASE64URL(signature)}, where the signature covers the ASCII bytes of the first two segments exactly as
 * written.
 */
final class CompactJws {

    private CompactJws() {
    }

    static String sign(CommandSigningKey key, byte[] header, byte[] payload) {
        String signingInput = Base64Url.encode(header) + "." + Base64Url.encode(payload);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /** The three segments of a compact JWS, still encoded. */
    record Segments(String header, String payload, String signature) {

        byte[] signingInput() {
            return (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The segments of {@code text} if it is shaped like a compact JWS: exactly three dot-separated segments
     * of base64url characters, the header and payload not empty. The signature may be empty, so that an
     * unsigned token is told apart from garbage.
     */
    static Optional<Segments> split(String text) {
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || text.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && !Base64Url.isAlphabet(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Segments(text.substring(0, first), text.substring(first + 1, second),
                text.substring(second + 1)));
    }
}
