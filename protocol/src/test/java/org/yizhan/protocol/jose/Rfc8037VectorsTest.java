package org.yizhan.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The Ed25519 examples of RFC 8037 Appendix A, run through the code paths passes and commands use. */
class Rfc8037VectorsTest {

    static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    static final String THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    static final String A4_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void computes_the_appendix_a3_thumbprint() {
        // given the A.1 public key
        byte[] x = Base64.getUrlDecoder().decode(X);

        // when / then
        assertEquals(THUMBPRINT, Ed25519.thumbprint(x));
    }

    @Test
    void the_kid_is_the_start_of_the_rfc_7638_thumbprint() {
        // RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key
        byte[] x = Base64Url.decode(X).orElseThrow();

        assertEquals(THUMBPRINT.substring(0, 16), Ed25519.keyId(x));
    }

    @Test
    void names_the_appendix_a1_key_by_the_first_16_characters_of_its_thumbprint() {
        // given the A.1 private JWK as another tool would write it, without kid
        byte[] jwk = utf8("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + D + "\",\"x\":\"" + X + "\"}");

        // when
        Ed25519SigningKey key = Ed25519SigningKey.fromPrivateJwk(jwk);

        // then
        assertEquals("kPrK_qmxVWaYVA9w", key.kid());
        assertEquals(THUMBPRINT.substring(0, 16), key.kid());
    }

    @Test
    void signs_the_appendix_a4_example_byte_for_byte() {
        // given
        Ed25519SigningKey key = Ed25519SigningKey.fromPrivateJwk(utf8(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"kPrK_qmxVWaYVA9w\",\"d\":\"" + D + "\",\"x\":\"" + X + "\"}"));

        // when
        String jws = CompactJws.sign(key, utf8("{\"alg\":\"EdDSA\"}"), utf8("Example of Ed25519 signing"));

        // then
        assertEquals(A4_JWS, jws);
    }

    @Test
    void verifies_the_appendix_a4_signature_with_the_a1_public_key_from_a_jwks() {
        // given a JWK Set with only the required members, as RFC 8037 prints it
        JwkSet jwks = JwkSet.parse(utf8("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}]}"));
        Ed25519PublicKey key = jwks.find("kPrK_qmxVWaYVA9w").orElseThrow();
        CompactJws jws = CompactJws.split(A4_JWS).orElseThrow();

        // when
        boolean verified = jws.isSignedBy(key);

        // then
        assertTrue(verified);
    }
}
