package org.yizhan.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fleet command keys a kiosk obeys, by kid. Read from a JWK Set
 * ({@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":…}]}}, RFC 7517/8037); entries that are not Ed25519
 * signing keys, that carry a private key, or whose kid is not the one derived from {@code x} are refused
 * with an {@link IllegalArgumentException} naming the entry. Several keys let the fleet rotate its key:
 * trust the new one, then stop signing with the old. Immutable and thread-safe.
 */
public final class TrustedCommandKeys {

    private record TrustedKey(byte[] x, PublicKey key) {
    }

    private final Map<String, TrustedKey> byKid;

    private TrustedCommandKeys(Map<String, TrustedKey> byKid) {
        this.byKid = Collections.unmodifiableMap(new TreeMap<>(byKid));
    }

    static TrustedCommandKeys of(byte[] x) {
        return new TrustedCommandKeys(Map.of(Ed25519.keyId(x), new TrustedKey(x.clone(), Ed25519.publicKey(x))));
    }

    public static TrustedCommandKeys fromJwks(String json) {
        ObjectNode jwks = Jwk.object(json);
        JsonNode keys = jwks.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("not a JWK Set: 'keys' is not an array");
        }
        Map<String, TrustedKey> byKid = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                if (!(keys.get(i) instanceof ObjectNode jwk)) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                Jwk.requireEd25519(jwk);
                if (jwk.has("d")) {
                    // a private key in a trust file would be copied to every kiosk
                    throw new IllegalArgumentException("contains a private key ('d'); trust files hold public keys only");
                }
                byte[] x = Jwk.keyBytes(jwk, "x");
                String kid = Ed25519.keyId(x);
                Jwk.requireKid(jwk, kid);
                byKid.put(kid, new TrustedKey(x, Ed25519.publicKey(x)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("keys[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new TrustedCommandKeys(byKid);
    }

    public TrustedCommandKeys plus(TrustedCommandKeys other) {
        Map<String, TrustedKey> union = new TreeMap<>(byKid);
        union.putAll(other.byKid);
        return new TrustedCommandKeys(union);
    }

    public Set<String> kids() {
        return byKid.keySet();
    }

    Optional<PublicKey> key(String kid) {
        return Optional.ofNullable(byKid.get(kid)).map(TrustedKey::key);
    }

    /** The public JWK Set, to be written where kiosks read it. */
    public String jwks() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode keys = root.putArray("keys");
        byKid.forEach((kid, key) -> keys.add(Jwk.publicJwk(kid, key.x())));
        return root.toPrettyString();
    }
}
