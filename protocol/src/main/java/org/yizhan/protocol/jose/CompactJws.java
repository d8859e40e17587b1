package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A text in the JWS compact serialization (RFC 7515 section 7.1), {@code BASE64URL(header) "."
 * BASE64URL(payload) "." BASE64URL(signature)}, where the Ed25519 signature covers the ASCII of the first two
 * segments exactly as written, so no JSON canonicalisation is involved.
 *
 * <p>{@link #split} checks only the shape. Decoding ({@link #header()}, {@link #payload()}), the header rules
 * ({@link JwsHeader#requireEdDsa}) and the signature ({@link #isSignedBy}) are separate steps, so that each
 * format checks them in its own order and gives its own reason for a refusal; none of them throws anything
 * but {@link MalformedJwsException}. Immutable and thread-safe.
 */
public final class CompactJws {

    /**
     * Longer texts are refused unread, whoever the caller: a ceiling on the work junk can cause. Formats set
     * lower limits of their own (a pass is at most 4096 characters, a command 16 KiB).
     */
    static final int MAX_LENGTH = 16 * 1024;

    private final String header;
    private final String payload;
    private final String signature;

    private CompactJws(String header, String payload, String signature) {
        this.header = header;
        this.payload = payload;
        this.signature = signature;
    }

    /** Signs {@code header} and {@code payload} byte for byte, as given, so callers control the JSON. */
    public static String sign(Ed25519SigningKey key, byte[] header, byte[] payload) {
        String signingInput = Base64Url.encode(header) + "." + Base64Url.encode(payload);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /**
     * {@code text} if it is shaped like a compact JWS: at most 16 KiB, exactly three dot-separated segments of
     * base64url characters, the header not empty. Payload and signature may be empty, so that a caller can
     * tell a broken or unsigned token from a text that is no JWS at all.
     */
    public static Optional<CompactJws> split(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
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
        return Optional.of(new CompactJws(text.substring(0, first), text.substring(first + 1, second),
                text.substring(second + 1)));
    }

    /** The protected header: canonical base64url of a strict UTF-8 JSON object without duplicate members. */
    public JwsHeader header() throws MalformedJwsException {
        return new JwsHeader(decodeObject(header, "header"));
    }

    /** The payload, read by the same rules as the header; it must be a JSON object too. */
    public ObjectNode payload() throws MalformedJwsException {
        return decodeObject(payload, "payload");
    }

    public boolean hasPayload() {
        return !payload.isEmpty();
    }

    /** Whether there is a signature segment at all; an empty one marks a token nobody signed. */
    public boolean isSigned() {
        return !signature.isEmpty();
    }

    /**
     * Whether the signature is canonical base64url of a 64-byte Ed25519 signature by {@code key} over the
     * first two segments as written. False, never an exception, for anything else.
     */
    public boolean isSignedBy(Ed25519PublicKey key) {
        Objects.requireNonNull(key, "key");
        return Base64Url.decode(signature)
                .map(bytes -> key.verifies((header + "." + payload).getBytes(StandardCharsets.US_ASCII), bytes))
                .orElse(false);
    }

    private static ObjectNode decodeObject(String segment, String part) throws MalformedJwsException {
        byte[] bytes = Base64Url.decode(segment)
                .orElseThrow(() -> new MalformedJwsException(part + " is not canonical base64url"));
        try {
            return JoseJson.readObject(bytes);
        } catch (IllegalArgumentException e) {
            throw new MalformedJwsException(part + " is " + e.getMessage());
        }
    }

    /** Says only how long the text is: a token is a credential and has no place in a log. */
    @Override
    public String toString() {
        return "CompactJws[" + (header.length() + payload.length() + signature.length() + 2) + " characters]";
    }
}
