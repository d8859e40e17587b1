package org.yizhan.provisioning.pass;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JWS compact serialization (RFC 7515 section 7.1): {@code BASE64URL(header) "." BASE64URL(payload) "."
 * BASE64URL(signature)}, where the signature covers the first two segments exactly as written.
 */
final class CompactJws {

    private CompactJws() {
    }

    /** Signs {@code header} and {@code payload} byte for byte, as given, so callers control the JSON. */
    static String sign(PassSigningKey key, byte[] header, byte[] payload) {
        String signingInput = Base64Url.encode(header) + "." + Base64Url.encode(payload);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /** The three segments of a text shaped like a compact JWS, still encoded. */
    record Segments(String header, String payload, String signature) {

        byte[] signingInput() {
            return (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The segments of {@code text} if it is shaped like a compact JWS: exactly three dot-separated segments
     * of base64url characters, the header not empty. Payload and signature may be empty (an unsigned token
     * has an empty signature), so that such tokens are refused later as malformed, not as foreign codes.
     */
    static Optional<Segments> split(String text) {
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || text.indexOf('.', second + 1) >= 0) {
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
