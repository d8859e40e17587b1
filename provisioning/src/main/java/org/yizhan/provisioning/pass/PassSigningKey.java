package org.yizhan.provisioning.pass;

import java.nio.file.Path;
import java.util.Objects;
import org.yizhan.protocol.jose.Ed25519SigningKey;
import org.yizhan.provisioning.files.AtomicFiles;

/**
 * A site's Ed25519 key for signing visitor passes.
 *
 * <p>On disk it is a private JWK, {@code {"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"d":…}}, which other JOSE
 * libraries can load to issue passes too. Reading applies the checks of {@link Ed25519SigningKey}: among
 * them that {@code x} is the public key of {@code d} and that a {@code kid}, if present, is ours, the first
 * 16 characters of the RFC 7638 thumbprint. A malformed file is an {@link IllegalArgumentException} naming
 * the file and the problem; a missing or unreadable one an {@link java.io.UncheckedIOException}.
 *
 * <p>Immutable and thread-safe. The private key never leaves this package.
 */
public final class PassSigningKey {

    private final Ed25519SigningKey key;

    private PassSigningKey(Ed25519SigningKey key) {
        this.key = key;
    }

    public static PassSigningKey generate() {
        return new PassSigningKey(Ed25519SigningKey.generate());
    }

    public static PassSigningKey read(Path jwkFile) {
        byte[] jwk = AtomicFiles.read(jwkFile);
        try {
            return new PassSigningKey(Ed25519SigningKey.fromPrivateJwk(jwk));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(jwkFile + ": not a pass signing key: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the private JWK to a new file readable only by its owner (POSIX mode 0600, set when the file is
     * created). Refuses to replace an existing file: overwriting a signing key would orphan every pass it
     * signed.
     */
    public void write(Path jwkFile) {
        Objects.requireNonNull(jwkFile, "jwkFile");
        AtomicFiles.writeNewText(jwkFile, key.privateJwk() + "\n", AtomicFiles.OWNER_ONLY);
    }

    public String keyId() {
        return key.kid();
    }

    /** The public half alone, to be trusted by kiosks. */
    public TrustedPassKeys trustedKeys() {
        return TrustedPassKeys.of(key.publicKey());
    }

    Ed25519SigningKey ed25519() {
        return key;
    }

    @Override
    public String toString() {
        return "PassSigningKey[kid=" + key.kid() + "]";
    }
}
