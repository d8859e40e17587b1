package org.yizhan.provisioning.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public keys a kiosk accepts passes from, by kid.
 *
 * <p>On disk a JWK Set, {@code {"keys":[{"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"use":"sig","alg":"EdDSA"}]}}.
 * Reading refuses entries that are not Ed25519, that are meant for another use or algorithm, that carry a
 * private key ({@code d}), or whose {@code kid} is not the one derived from {@code x}; an entry without
 * {@code kid} gets the derived one. Because the kid is derived from the key, two files can never disagree
 * about which key a kid means, and merging them is a plain union. A malformed file is an
 * {@link IllegalArgumentException} naming the file and entry; a missing or unreadable one an
 * {@link java.io.UncheckedIOException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedPassKeys {

    private record TrustedKey(byte[] x, PublicKey key) {
    }

    private final Map<String, TrustedKey> byKeyId;

    private TrustedPassKeys(Map<String, TrustedKey> byKeyId) {
        this.byKeyId = Collections.unmodifiableMap(new TreeMap<>(byKeyId));
    }

    static TrustedPassKeys of(byte[] x) {
        return new TrustedPassKeys(Map.of(Ed25519.keyId(x), new TrustedKey(x.clone(), Ed25519.publicKey(x))));
    }

    public static TrustedPassKeys read(Path jwksFile) {
        ObjectNode jwks = Json.readObjectFile(jwksFile);
        JsonNode keys = jwks.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException(jwksFile + ": not a JWK Set: 'keys' is not an array");
        }
        Map<String, TrustedKey> byKeyId = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            try {
                if (!(keys.get(i) instanceof ObjectNode jwk)) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                Jwk.requireEd25519(jwk);
                Jwk.requireSigningUse(jwk);
                if (jwk.has("d")) {
                    // a private key here means it was copied to every kiosk; better to stop than to spread it
                    throw new IllegalArgumentException("contains a private key ('d'); trust files hold public keys only");
                }
                byte[] x = Jwk.keyBytes(jwk, "x");
                String kid = Ed25519.keyId(x);
                Jwk.requireKid(jwk, kid);
                byKeyId.put(kid, new TrustedKey(x, Ed25519.publicKey(x)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(jwksFile + ": keys[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new TrustedPassKeys(byKeyId);
    }

    /** The union of the keys in all files; no files means no trusted keys. */
    public static TrustedPassKeys read(List<Path> jwksFiles) {
        TrustedPassKeys all = new TrustedPassKeys(Map.of());
        for (Path file : jwksFiles) {
            all = all.plus(read(file));
        }
        return all;
    }

    public TrustedPassKeys plus(TrustedPassKeys other) {
        Map<String, TrustedKey> union = new TreeMap<>(byKeyId);
        union.putAll(other.byKeyId);
        return new TrustedPassKeys(union);
    }

    public Optional<PublicKey> find(String kid) {
        TrustedKey trusted = kid == null ? null : byKeyId.get(kid);
        return trusted == null ? Optional.empty() : Optional.of(trusted.key());
    }

    /** The kids, in sorted order. */
    public Set<String> keyIds() {
        return byKeyId.keySet();
    }

    /** Writes the JWK Set, replacing {@code jwksFile} atomically so a kiosk never reads half a file. */
    public void write(Path jwksFile) {
        Objects.requireNonNull(jwksFile, "jwksFile");
        ObjectNode jwks = Json.object();
        ArrayNode keys = jwks.putArray("keys");
        byKeyId.forEach((kid, trusted) -> keys.add(Jwk.publicJwk(kid, trusted.x())));
        Json.writeReplacing(jwksFile, Json.pretty(jwks));
    }

    @Override
    public String toString() {
        return "TrustedPassKeys" + byKeyId.keySet();
    }
}
