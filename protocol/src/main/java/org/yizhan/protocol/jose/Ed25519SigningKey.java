package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * An Ed25519 private key that signs compact JWS ({@link CompactJws#sign}), with its public half.
 *
 * <p>Its private JWK (RFC 8037) is {@code {"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"d":…}}, which other
 * JOSE libraries can load too. Reading one checks that {@code kty} and {@code crv} are {@code OKP} and
 * {@code Ed25519}, that {@code use} and {@code alg}, if present, are {@code sig} and {@code EdDSA}, that
 * {@code d} and {@code x} are 32 bytes of canonical base64url, that {@code x} is the public key of
 * {@code d}, and that a {@code kid}, if present, is the derived one; an {@link IllegalArgumentException}
 * says which member is wrong.
 *
 * <p>Immutable and thread-safe. The private key leaves only through {@link #privateJwk()}.
 */
public final class Ed25519SigningKey {

    private static final byte[] PAIR_CHECK = "yizhan key pair check".getBytes(StandardCharsets.US_ASCII);

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final Ed25519PublicKey publicKey;

    private Ed25519SigningKey(byte[] seed, byte[] x) {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(this.seed);
        this.publicKey = new Ed25519PublicKey(x);
        // The JDK cannot derive the public key from the seed, so a signature proves the pair belongs together.
        if (!publicKey.verifies(PAIR_CHECK, sign(PAIR_CHECK))) {
            throw new IllegalArgumentException("'x' is not the public key of 'd'");
        }
    }

    public static Ed25519SigningKey generate() {
        byte[][] pair = Ed25519.generate();
        return new Ed25519SigningKey(pair[0], pair[1]);
    }

    /** The key in the private JWK {@code json}, UTF-8 encoded. */
    public static Ed25519SigningKey fromPrivateJwk(byte[] json) {
        ObjectNode jwk = JoseJson.readObject(json);
        Jwk.requireEd25519Signing(jwk);
        Ed25519SigningKey key = new Ed25519SigningKey(Jwk.keyBytes(jwk, "d"), Jwk.keyBytes(jwk, "x"));
        Jwk.requireKid(jwk, key.kid());
        return key;
    }

    public String kid() {
        return publicKey.kid();
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The private JWK, pretty-printed, without a final newline; to be stored readable by its owner only. */
    public String privateJwk() {
        ObjectNode jwk = Jwk.members(kid(), publicKey.raw());
        jwk.put("d", Base64Url.encode(seed));
        return JoseJson.pretty(jwk);
    }

    byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[kid=" + kid() + "]";
    }
}
