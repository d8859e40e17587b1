package org.yizhan.fleet.web.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A maintainer's password as the users file keeps it: PBKDF2-HMAC-SHA256 with its own random salt, written
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in unpadded base64url), so the cost can be raised for
 * new passwords while old lines stay readable. {@link #create} makes one (what a {@code passwd} command calls);
 * {@link #matches} checks a password against it in time independent of where the bytes differ.
 *
 * @param iterations how many PBKDF2 rounds
 * @param salt       16 random bytes
 * @param hash       the 32-byte derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about a third of a second per login on a small machine. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("a password hash needs at least 1000 iterations, not " + iterations);
        }
        if (salt.length < 8) {
            throw new IllegalArgumentException("a password hash needs a salt of at least 8 bytes");
        }
        if (hash.length != HASH_BITS / 8) {
            throw new IllegalArgumentException("a pbkdf2-sha256 hash is 32 bytes, not " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A new hash of {@code password} with a fresh salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash create(char[] password) {
        return create(password, DEFAULT_ITERATIONS);
    }

    public static PasswordHash create(char[] password, int iterations) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * Reads {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}.
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the hash
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.strip().split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("a password hash is written " + SCHEME + "$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count of a password hash is not a number");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        try {
            return new PasswordHash(iterations, base64.decode(parts[2]), base64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a password hash has a salt or hash that is not base64url: "
                    + e.getMessage());
        }
    }

    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The form the users file keeps. */
    @Override
    public String toString() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && iterations == that.iterations
                && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            // every Java SE runtime has PBKDF2WithHmacSHA256 (JCA standard names)
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
