package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * An Ed25519 public key that verifies JWS signatures, named by its kid: the first 16 characters of its
 * RFC 7638 thumbprint. Its JWK is {@code {"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"use":"sig","alg":"EdDSA"}}.
 * Keys are read only from a {@link JwkSet} or taken from an {@link Ed25519SigningKey}. Immutable and
 * thread-safe; equal when their raw key bytes are.
 */
public final class Ed25519PublicKey {

    private final byte[] x;
    private final PublicKey key;
    private final String kid;

    Ed25519PublicKey(byte[] x) {
        this.x = x.clone();
        this.key = Ed25519.publicKey(this.x);
        this.kid = Ed25519.keyId(this.x);
    }

    /**
     * The key in a public JWK: an OKP Ed25519 signing key without {@code d}, whose {@code kid}, if present, is
     * the derived one. An {@link IllegalArgumentException} says which member is wrong.
     */
    static Ed25519PublicKey fromJwk(ObjectNode jwk) {
        Jwk.requireEd25519Signing(jwk);
        if (jwk.has("d")) {
            // a private key in a trust file means it was copied to every kiosk; better to stop than to spread it
            throw new IllegalArgumentException("contains a private key ('d'); trust files hold public keys only");
        }
        Ed25519PublicKey key = new Ed25519PublicKey(Jwk.keyBytes(jwk, "x"));
        Jwk.requireKid(jwk, key.kid);
        return key;
    }

    public String kid() {
        return kid;
    }

    /** The same key for the JDK's {@code Signature} API. */
    public PublicKey jdkKey() {
        return key;
    }

    byte[] raw() {
        return x.clone();
    }

    ObjectNode jwk() {
        ObjectNode jwk = Jwk.members(kid, x);
        jwk.put("use", "sig");
        jwk.put("alg", "EdDSA");
        return jwk;
    }

    boolean verifies(byte[] message, byte[] signature) {
        return Ed25519.verify(key, message, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey that && Arrays.equals(x, that.x);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[kid=" + kid + "]";
    }
}
