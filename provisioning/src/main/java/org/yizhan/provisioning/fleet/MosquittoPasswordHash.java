package org.yizhan.provisioning.fleet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password hash in Mosquitto's own password-file format, {@code $7$ITERATIONS$SALT$HASH}: PBKDF2 with
 * HMAC-SHA512 over the UTF-8 password, a 12-byte random salt and 101 iterations (what {@code mosquitto_passwd}
 * of 2.0 writes), salt and 64-byte hash in standard Base64 with padding. Mosquitto reads the iteration count
 * from the line, so any count parses. Immutable and thread-safe; {@link #toString} never shows the hash.
 */
public final class MosquittoPasswordHash {

    /** What {@code mosquitto_passwd} 2.0 uses. */
    public static final int DEFAULT_ITERATIONS = 101;
    public static final int SALT_BYTES = 12;
    public static final int HASH_BYTES = 64;
    private static final String PREFIX = "$7$";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private MosquittoPasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** A new hash of {@code password} with a fresh salt from {@code random}. */
    public static MosquittoPasswordHash of(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new MosquittoPasswordHash(DEFAULT_ITERATIONS, salt, pbkdf2Sha512(password, salt, DEFAULT_ITERATIONS));
    }

    /** The hash written {@code $7$…}; an {@link IllegalArgumentException} says what is wrong with it. */
    public static MosquittoPasswordHash parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Mosquitto PBKDF2-SHA512 hash (it starts with $7$)");
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a Mosquitto hash is $7$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count '" + parts[0] + "' is not a number", e);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("the iteration count must be at least 1");
        }
        try {
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (hash.length != HASH_BYTES) {
                throw new IllegalArgumentException("the hash is " + hash.length + " bytes, not " + HASH_BYTES);
            }
            return new MosquittoPasswordHash(iterations, Base64.getDecoder().decode(parts[1]), hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt or hash is not Base64: " + e.getMessage(), e);
        }
    }

    public int iterations() {
        return iterations;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    /** Whether {@code password} is the one hashed, compared in constant time. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, pbkdf2Sha512(password, salt, iterations));
    }

    /** The text after {@code user:} in a password file. */
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC-SHA512 and one output block, which is all Mosquitto takes. Written out rather
     * than through {@code PBKDF2WithHmacSHA512}, whose char[] password leaves the byte encoding to the provider.
     */
    static byte[] pbkdf2Sha512(String password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MosquittoPasswordHash[$7$" + iterations + "]";
    }
}
