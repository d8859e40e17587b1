package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ed25519 examples of RFC 8037 Appendix A, run through the code paths passes use. */
class Rfc8037VectorsTest {

    static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    static final String THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    static final String A4_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    @TempDir
    Path dir;

    @Test
    void computes_the_appendix_a3_thumbprint() {
        // given the A.1 public key
        byte[] x = Base64.getUrlDecoder().decode(X);

        // when / then
        assertEquals(THUMBPRINT, Ed25519.thumbprint(x));
    }

    @Test
    void names_the_appendix_a1_key_by_the_first_16_characters_of_its_thumbprint() throws Exception {
        // given the A.1 private JWK as another tool would write it, without kid
        Path file = dir.resolve("a1.jwk");
        Files.writeString(file, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + D + "\",\"x\":\"" + X + "\"}");

        // when
        PassSigningKey key = PassSigningKey.read(file);

        // then
        assertEquals("kPrK_qmxVWaYVA9w", key.keyId());
        assertEquals(THUMBPRINT.substring(0, 16), key.keyId());
    }

    @Test
    void signs_the_appendix_a4_example_byte_for_byte() throws Exception {
        // given
        Path file = dir.resolve("a1.jwk");
        Files.writeString(file, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"kPrK_qmxVWaYVA9w\",\"d\":\"" + D
                + "\",\"x\":\"" + X + "\"}");
        PassSigningKey key = PassSigningKey.read(file);

        // when
        String jws = CompactJws.sign(key, "{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8),
                "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8));

        // then
        assertEquals(A4_JWS, jws);
    }

    @Test
    void verifies_the_appendix_a4_signature_with_the_a1_public_key_from_a_jwks() throws Exception {
        // given a JWK Set with only the required members, as RFC 8037 prints it
        Path jwks = dir.resolve("a1.jwks");
        Files.writeString(jwks, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}]}");
        PublicKey key = TrustedPassKeys.read(jwks).find("kPrK_qmxVWaYVA9w").orElseThrow();
        CompactJws.Segments segments = CompactJws.split(A4_JWS).orElseThrow();

        // when
        boolean verified = Ed25519.verify(key, segments.signingInput(), Base64Url.decode(segments.signature()).orElseThrow());

        // then
        assertTrue(verified);
    }
}
