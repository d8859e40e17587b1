package org.yizhan.devices.qr.evdev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes the keyboard-wedge fixtures under {@code src/test/resources/qr/}: a scanner typing one visitor
 * pass, as 24-byte and as 16-byte {@code input_event} records, and the pass itself as text.
 *
 * <p>The pass is a real compact JWS as the kiosk's passes are (decision 0001): Ed25519 over a JWT
 * header with a derived {@code kid} and a claims set, signed with a key made from a fixed seed, so it
 * is the same on every run. It needs Shift (upper case, {@code _}) and the rest of base64url
 * ({@code -}, digits, {@code .}). The streams are written by {@link WedgeTyping} with a fixed seed and
 * start time (a night in November 2026), so the committed files can be checked against this class.
 *
 * <p>Run from {@code device-drivers}:
 * {@code java -cp target/test-classes:target/classes org.yizhan.devices.qr.evdev.EvdevFixtureGenerator src/test/resources/qr}
 */
public final class EvdevFixtureGenerator {

    public static final String PASS_TEXT = "wedge-pass.txt";
    public static final Instant TYPED_AT = Instant.parse("2026-11-23T21:47:13.402117Z");
    private static final long SPACING_SEED = 20261123L;
    private static final byte[] KEY_SEED = "yizhan evdev fixture signing key".getBytes(StandardCharsets.US_ASCII);

    private EvdevFixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/qr");
        Files.createDirectories(directory);
        String pass = pass();
        Files.writeString(directory.resolve(PASS_TEXT), pass + "\n", StandardCharsets.US_ASCII);
        for (int recordSize : new int[] {16, 24}) {
            Files.write(directory.resolve(streamFile(recordSize)), stream(recordSize, pass));
        }
        System.out.println("wrote " + pass.length() + "-character pass and its streams to " + directory);
    }

    public static String streamFile(int recordSize) {
        return "wedge-pass-" + recordSize + ".bin";
    }

    public static byte[] stream(int recordSize, String pass) {
        return new WedgeTyping(recordSize, TYPED_AT, SPACING_SEED).line(pass).bytes();
    }

    /** The fixture pass: header.claims.signature, base64url without padding. */
    public static String pass() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(KEY_SEED));
            KeyPair key = generator.generateKeyPair();
            byte[] spki = key.getPublic().getEncoded();
            String x = base64url(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
            // RFC 7638 thumbprint of the public JWK; the kid is its first 16 characters.
            String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
            String kid = base64url(MessageDigest.getInstance("SHA-256")
                    .digest(jwk.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
            String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
            String claims = "{\"sub\":\"r-7Qk_2f\",\"cat\":\"rider\",\"iss\":\"sh-pudong-weifang\","
                    + "\"iat\":1795470433,\"exp\":1798062433}";
            String signingInput = base64url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64url(claims.getBytes(StandardCharsets.UTF_8));
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key.getPrivate());
            ed25519.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 is missing", e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hands the key generator the same 32 bytes every time: the private key is the seed. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = seed[i % seed.length];
            }
        }
    }
}
