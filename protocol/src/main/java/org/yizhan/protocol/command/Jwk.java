package org.yizhan.protocol.command;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yizhan.protocol.message.ProtocolJson;

/**
 * Ed25519 keys as JSON Web Keys (RFC 7517, RFC 8037). Readers throw {@link IllegalArgumentException} with a
 * message saying which member is wrong.
 */
final class Jwk {

    private static final ObjectMapper JSON = ProtocolJson.newMapper();

    private Jwk() {
    }

    static ObjectNode object(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return object;
    }

    static ObjectNode publicJwk(String kid, byte[] x) {
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("kid", kid);
        jwk.put("x", Base64Url.encode(x));
        jwk.put("use", "sig");
        jwk.put("alg", "EdDSA");
        return jwk;
    }

    static void requireEd25519(ObjectNode jwk) {
        requireValue(jwk, "kty", "OKP");
        requireValue(jwk, "crv", "Ed25519");
        if (jwk.has("use")) {
            requireValue(jwk, "use", "sig");
        }
        if (jwk.has("alg")) {
            requireValue(jwk, "alg", "EdDSA");
        }
    }

    static byte[] keyBytes(ObjectNode jwk, String member) {
        return Base64Url.decode(text(jwk, member))
                .filter(bytes -> bytes.length == Ed25519.KEY_LENGTH)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + member + "' is not " + Ed25519.KEY_LENGTH + " bytes of unpadded base64url"));
    }

    /** A kid, when given, must be the one derived from the key, or a file could file a key under another's name. */
    static void requireKid(ObjectNode jwk, String expected) {
        if (jwk.has("kid") && !text(jwk, "kid").equals(expected)) {
            throw new IllegalArgumentException("'kid' is not this key's kid '" + expected + "'");
        }
    }

    private static void requireValue(ObjectNode jwk, String member, String expected) {
        if (!text(jwk, member).equals(expected)) {
            throw new IllegalArgumentException("'" + member + "' is not '" + expected + "'");
        }
    }

    private static String text(ObjectNode jwk, String member) {
        JsonNode node = jwk.get(member);
        if (node == null) {
            throw new IllegalArgumentException("'" + member + "' is missing");
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("'" + member + "' is not a string");
        }
        return node.textValue();
    }
}
