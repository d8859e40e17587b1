package org.yizhan.protocol.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 through the JDK, with keys as the raw 32-byte values JWKs carry (RFC 8037). The JDK speaks only
 * X.509 and PKCS#8; for Ed25519 both are a fixed DER prefix followed by the raw key, so conversion is
 * concatenation. Stateless and thread-safe: a {@link Signature} is made per call.
 */
final class Ed25519 {

    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

    /** Characters of the thumbprint that make a kid: 96 bits, short enough for a QR code, unique in practice. */
    private static final int KID_LENGTH = 16;

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    /** A fresh pair as raw {@code {seed, public}} bytes. */
    static byte[][] generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new byte[][] {strip(PKCS8_PREFIX, pair.getPrivate().getEncoded(), "private"),
                strip(X509_PREFIX, pair.getPublic().getEncoded(), "public")};
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static PublicKey publicKey(byte[] x) {
        requireLength(x, "public key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, x)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, "private key");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for any signature that does not verify, including ones of the wrong length or encoding. */
    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        } catch (InvalidKeyException | SignatureException e) {
            // the JDK reports some non-canonical signature encodings by throwing rather than returning false
            return false;
        }
    }

    /** The RFC 7638 thumbprint: base64url SHA-256 of the required members in lexicographic order. */
    static String thumbprint(byte[] x) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(x) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    /**
     * The kid: the first 16 characters of the thumbprint. Derived from the key, so two files cannot disagree
     * about it.
     */
    static String keyId(byte[] x) {
        return thumbprint(x).substring(0, KID_LENGTH);
    }

    private static void requireLength(byte[] key, String what) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " is " + key.length + " bytes, not " + KEY_LENGTH);
        }
    }

    private static byte[] strip(byte[] prefix, byte[] encoded, String what) {
        if (encoded == null || encoded.length != prefix.length + KEY_LENGTH
                || !Arrays.equals(prefix, 0, prefix.length, encoded, 0, prefix.length)) {
            throw new IllegalStateException("unexpected encoding of an Ed25519 " + what + " key");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static IllegalStateException missing(GeneralSecurityException e) {
        return new IllegalStateException("this JDK has no Ed25519 provider", e);
    }
}
