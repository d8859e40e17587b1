package org.yizhan.protocol.jose;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The strict JSON of JWS headers, payloads and JWKs. Reading refuses malformed UTF-8 (instead of replacing
 * it with U+FFFD), duplicate members and anything after the value: two {@code alg} or {@code kid} members
 * could be read differently by the signer's library and by us, which is how signature checks get bypassed.
 * The mapper is configured once and thread-safe.
 */
final class JoseJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int EXCERPT_LENGTH = 40;

    private JoseJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The JSON object in {@code utf8}; an {@link IllegalArgumentException} says, without a subject, why not:
     * {@code not UTF-8}, {@code not valid JSON (…)} or {@code not a JSON object}.
     */
    static ObjectNode readObject(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            String problem = e.getOriginalMessage() == null ? "" : " (" + excerpt(e.getOriginalMessage()) + ")";
            throw new IllegalArgumentException("not valid JSON" + problem);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return object;
    }

    static String pretty(ObjectNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A piece of untrusted text made safe for a message: printable ASCII only, at most 40 characters. */
    static String excerpt(String untrusted) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < untrusted.length() && safe.length() < EXCERPT_LENGTH; i++) {
            char c = untrusted.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (untrusted.length() > EXCERPT_LENGTH) {
            safe.append('…');
        }
        return safe.toString();
    }
}
