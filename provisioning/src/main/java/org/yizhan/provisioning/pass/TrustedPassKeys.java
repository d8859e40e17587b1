package org.yizhan.provisioning.pass;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yizhan.protocol.jose.Ed25519PublicKey;
import org.yizhan.protocol.jose.JwkSet;
import org.yizhan.provisioning.files.AtomicFiles;

/**
 * The public keys a kiosk accepts passes from, by kid.
 *
 * <p>On disk a JWK Set, {@code {"keys":[{"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"use":"sig","alg":"EdDSA"}]}}.
 * Reading refuses entries that are not Ed25519, that are meant for another use or algorithm, that carry a
 * private key ({@code d}), or whose {@code kid} is not the one derived from {@code x}; an entry without
 * {@code kid} gets the derived one (see {@link JwkSet}). Because the kid is derived from the key, two files
 * can never disagree about which key a kid means, and merging them is a plain union. A malformed file is an
 * {@link IllegalArgumentException} naming the file and entry; a missing or unreadable one an
 * {@link java.io.UncheckedIOException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedPassKeys {

    private final JwkSet keys;

    private TrustedPassKeys(JwkSet keys) {
        this.keys = keys;
    }

    static TrustedPassKeys of(Ed25519PublicKey key) {
        return new TrustedPassKeys(JwkSet.of(key));
    }

    public static TrustedPassKeys read(Path jwksFile) {
        byte[] jwks = AtomicFiles.read(jwksFile);
        try {
            return new TrustedPassKeys(JwkSet.parse(jwks));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(jwksFile + ": " + e.getMessage(), e);
        }
    }

    /** The union of the keys in all files; no files means no trusted keys. */
    public static TrustedPassKeys read(List<Path> jwksFiles) {
        TrustedPassKeys all = new TrustedPassKeys(JwkSet.of());
        for (Path file : jwksFiles) {
            all = all.plus(read(file));
        }
        return all;
    }

    public TrustedPassKeys plus(TrustedPassKeys other) {
        return new TrustedPassKeys(keys.plus(other.keys));
    }

    public Optional<PublicKey> find(String kid) {
        return key(kid).map(Ed25519PublicKey::jdkKey);
    }

    /** The kids, in sorted order. */
    public Set<String> keyIds() {
        return keys.kids();
    }

    /** Writes the JWK Set, replacing {@code jwksFile} atomically so a kiosk never reads half a file. */
    public void write(Path jwksFile) {
        Objects.requireNonNull(jwksFile, "jwksFile");
        AtomicFiles.writeText(jwksFile, keys.toJson() + "\n", AtomicFiles.PUBLIC);
    }

    Optional<Ed25519PublicKey> key(String kid) {
        return keys.find(kid);
    }

    @Override
    public String toString() {
        return "TrustedPassKeys" + keys.kids();
    }
}
