package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ed25519 public keys by kid: a JWK Set (RFC 7517 section 5), {@code {"keys":[{"kty":"OKP","crv":"Ed25519",
 * "kid":…,"x":…,"use":"sig","alg":"EdDSA"}]}}.
 *
 * <p>Reading refuses an entry that is not an Ed25519 key, that is meant for another use or algorithm, that
 * carries a private key ({@code d}), or whose {@code kid} is not the one derived from {@code x}; an entry
 * without {@code kid} gets the derived one. The {@link IllegalArgumentException} names the entry, as in
 * {@code keys[1]: 'use' is 'enc', not 'sig'}. Because kids are derived, two sets never disagree about which
 * key a kid means, and {@link #plus} is a plain union.
 *
 * <p>Immutable and thread-safe; kids iterate in sorted order.
 */
public final class JwkSet {

    private final Map<String, Ed25519PublicKey> byKid;

    private JwkSet(Map<String, Ed25519PublicKey> byKid) {
        this.byKid = Collections.unmodifiableMap(new TreeMap<>(byKid));
    }

    public static JwkSet of(Ed25519PublicKey... keys) {
        Map<String, Ed25519PublicKey> byKid = new TreeMap<>();
        for (Ed25519PublicKey key : keys) {
            byKid.put(key.kid(), key);
        }
        return new JwkSet(byKid);
    }

    /** The set in {@code json}, UTF-8 encoded. */
    public static JwkSet parse(byte[] json) {
        ObjectNode jwks = JoseJson.readObject(json);
        JsonNode keys = jwks.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("not a JWK Set: 'keys' is not an array");
        }
        Map<String, Ed25519PublicKey> byKid = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                if (!(keys.get(i) instanceof ObjectNode jwk)) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                Ed25519PublicKey key = Ed25519PublicKey.fromJwk(jwk);
                byKid.put(key.kid(), key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("keys[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new JwkSet(byKid);
    }

    public JwkSet plus(JwkSet other) {
        Map<String, Ed25519PublicKey> union = new TreeMap<>(byKid);
        union.putAll(other.byKid);
        return new JwkSet(union);
    }

    /** The key {@code kid} names; empty for an unknown or null kid. */
    public Optional<Ed25519PublicKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }

    public Set<String> kids() {
        return byKid.keySet();
    }

    /** The public JWK Set, pretty-printed, without a final newline. */
    public String toJson() {
        ObjectNode root = JoseJson.object();
        ArrayNode keys = root.putArray("keys");
        byKid.values().forEach(key -> keys.add(key.jwk()));
        return JoseJson.pretty(root);
    }

    @Override
    public String toString() {
        return "JwkSet" + byKid.keySet();
    }
}
