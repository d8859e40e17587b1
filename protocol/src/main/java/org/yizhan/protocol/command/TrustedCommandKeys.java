package org.yizhan.protocol.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yizhan.protocol.jose.Ed25519PublicKey;
import org.yizhan.protocol.jose.JwkSet;

/**
 * The fleet command keys a kiosk obeys, by kid. Read from a JWK Set
 * ({@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":…}]}}, RFC 7517/8037); entries that are not Ed25519
 * signing keys, that carry a private key, or whose kid is not the one derived from {@code x} are refused
 * with an {@link IllegalArgumentException} naming the entry (see {@link JwkSet}). Several keys let the fleet
 * rotate its key: trust the new one, then stop signing with the old. Immutable and thread-safe.
 */
public final class TrustedCommandKeys {

    private final JwkSet keys;

    private TrustedCommandKeys(JwkSet keys) {
        this.keys = keys;
    }

    static TrustedCommandKeys of(Ed25519PublicKey key) {
        return new TrustedCommandKeys(JwkSet.of(key));
    }

    public static TrustedCommandKeys fromJwks(String json) {
        return new TrustedCommandKeys(JwkSet.parse(Objects.requireNonNullElse(json, "").getBytes(StandardCharsets.UTF_8)));
    }

    public TrustedCommandKeys plus(TrustedCommandKeys other) {
        return new TrustedCommandKeys(keys.plus(other.keys));
    }

    public Set<String> kids() {
        return keys.kids();
    }

    /** The trusted key with this kid, to check a fleet-signed token of another format than a command. */
    public Optional<Ed25519PublicKey> key(String kid) {
        return keys.find(kid);
    }

    /** The public JWK Set, to be written where kiosks read it. */
    public String jwks() {
        return keys.toJson();
    }

    @Override
    public String toString() {
        return "TrustedCommandKeys" + keys.kids();
    }
}
