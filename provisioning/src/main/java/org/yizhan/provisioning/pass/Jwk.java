package org.yizhan.provisioning.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ed25519 keys as JSON Web Keys (RFC 7517, RFC 8037). Readers throw {@link IllegalArgumentException} with a
 * message saying which member is wrong; callers prefix it with the file name.
 */
final class Jwk {

    private Jwk() {
    }

    static ObjectNode privateJwk(String kid, byte[] x, byte[] d) {
        ObjectNode jwk = Json.object();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("kid", kid);
        jwk.put("x", Base64Url.encode(x));
        jwk.put("d", Base64Url.encode(d));
        return jwk;
    }

    static ObjectNode publicJwk(String kid, byte[] x) {
        ObjectNode jwk = Json.object();
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
    }

    /** Optional members that, when present, must say the key is for EdDSA signatures. */
    static void requireSigningUse(ObjectNode jwk) {
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
     * another key's name would otherwise make passes verify against the wrong key's label.
     */
    static void requireKid(ObjectNode jwk, String expected) {
        if (jwk.has("kid") && !text(jwk, "kid").equals(expected)) {
            throw new IllegalArgumentException("'kid' is '" + PassFormat.excerpt(jwk.get("kid").asText())
                    + "' but this key's kid is '" + expected + "'");
        }
    }

    private static void requireValue(ObjectNode jwk, String member, String expected) {
        String actual = text(jwk, member);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("'" + member + "' is '" + PassFormat.excerpt(actual)
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
