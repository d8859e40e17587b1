package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The members of Ed25519 JSON Web Keys (RFC 7517, RFC 8037). Checks throw {@link IllegalArgumentException}
 * with a message saying which member is wrong and, in a short excerpt, what it holds.
 */
final class Jwk {

    private Jwk() {
    }

    /**
     * {@code kty} {@code OKP} and {@code crv} {@code Ed25519}; {@code use} and {@code alg}, optional, must say
     * the key is for EdDSA signatures.
     */
    static void requireEd25519Signing(ObjectNode jwk) {
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

    /**
     * A kid, when given, must be the one derived from the key: a hand-edited file that files a key under
     * another key's name would otherwise make signatures verify against the wrong key's label.
     */
    static void requireKid(ObjectNode jwk, String expected) {
        if (jwk.has("kid") && !text(jwk, "kid").equals(expected)) {
            throw new IllegalArgumentException("'kid' is '" + JoseJson.excerpt(jwk.get("kid").asText())
                    + "' but this key's kid is '" + expected + "'");
        }
    }

    /** The members every Ed25519 JWK we write starts with: {@code kty, crv, kid, x}, in that order. */
    static ObjectNode members(String kid, byte[] x) {
        ObjectNode jwk = JoseJson.object();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("kid", kid);
        jwk.put("x", Base64Url.encode(x));
        return jwk;
    }

    private static void requireValue(ObjectNode jwk, String member, String expected) {
        String actual = text(jwk, member);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("'" + member + "' is '" + JoseJson.excerpt(actual)
                    + "', not '" + expected + "'");
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
