package org.yizhan.provisioning.pass;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A site's Ed25519 key for signing visitor passes.
 *
 * <p>On disk it is a private JWK, {@code {"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"d":…}}, which other JOSE
 * libraries can load to issue passes too. Reading checks that {@code x} is the public key of {@code d} and
 * that a {@code kid}, if present, is ours: the first 16 characters of the RFC 7638 thumbprint. A malformed
 * file is an {@link IllegalArgumentException} naming the file and the problem; a missing or unreadable one an
 * {@link java.io.UncheckedIOException}.
 *
 * <p>Immutable and thread-safe. The private key never leaves this package.
 */
public final class PassSigningKey {

    private static final byte[] PAIR_CHECK = "yizhan pass key pair check".getBytes(StandardCharsets.US_ASCII);

    private final byte[] seed;
    private final byte[] publicKeyBytes;
    private final PrivateKey privateKey;
    private final String keyId;

    private PassSigningKey(byte[] seed, byte[] publicKeyBytes) {
        this.seed = seed.clone();
        this.publicKeyBytes = publicKeyBytes.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.keyId = Ed25519.keyId(publicKeyBytes);
        // The JDK cannot derive the public key from the seed, so a signature proves the pair belongs together.
        PublicKey publicKey = Ed25519.publicKey(publicKeyBytes);
        if (!Ed25519.verify(publicKey, PAIR_CHECK, Ed25519.sign(privateKey, PAIR_CHECK))) {
            throw new IllegalArgumentException("'x' is not the public key of 'd'");
        }
    }

    public static PassSigningKey generate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", e);
        }
        return new PassSigningKey(Ed25519.raw(pair.getPrivate()), Ed25519.raw(pair.getPublic()));
    }

    public static PassSigningKey read(Path jwkFile) {
        ObjectNode jwk = Json.readObjectFile(jwkFile);
        try {
            Jwk.requireEd25519(jwk);
            PassSigningKey key = new PassSigningKey(Jwk.keyBytes(jwk, "d"), Jwk.keyBytes(jwk, "x"));
            Jwk.requireKid(jwk, key.keyId);
            return key;
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
        Json.writeNewSecret(jwkFile, Json.pretty(Jwk.privateJwk(keyId, publicKeyBytes, seed)));
    }

    public String keyId() {
        return keyId;
    }

    /** The public half alone, to be trusted by kiosks. */
    public TrustedPassKeys trustedKeys() {
        return TrustedPassKeys.of(publicKeyBytes);
    }

    byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "PassSigningKey[kid=" + keyId + "]";
    }
}
