package org.yizhan.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519SigningKeyTest {

    static final String D = Rfc8037VectorsTest.D;
    static final String X = Rfc8037VectorsTest.X;

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writes_a_private_jwk_with_exactly_the_rfc_8037_members_and_reads_it_back() throws Exception {
        // given
        Ed25519SigningKey key = Ed25519SigningKey.generate();

        // when
        String privateJwk = key.privateJwk();
        Ed25519SigningKey readBack = Ed25519SigningKey.fromPrivateJwk(utf8(privateJwk));

        // then
        JsonNode jwk = new ObjectMapper().readTree(privateJwk);
        List<String> members = new ArrayList<>();
        jwk.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("kty", "crv", "kid", "x", "d"), members);
        assertEquals(key.kid(), readBack.kid());
        assertEquals(key.publicKey(), readBack.publicKey());
    }

    @Test
    void signs_what_its_public_key_verifies() {
        Ed25519SigningKey key = Ed25519SigningKey.generate();

        String jws = CompactJws.sign(key, utf8("{\"alg\":\"EdDSA\"}"), utf8("{}"));

        assertTrue(CompactJws.split(jws).orElseThrow().isSignedBy(key.publicKey()));
    }

    @Test
    void keeps_the_private_key_out_of_its_string_form() {
        Ed25519SigningKey key = Ed25519SigningKey.fromPrivateJwk(utf8(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + D + "\",\"x\":\"" + X + "\"}"));

        assertEquals("Ed25519SigningKey[kid=kPrK_qmxVWaYVA9w]", key.toString());
        assertFalse(key.toString().contains(D));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON              | kty: OKP                                                                   | not valid JSON
            an array              | [1,2]                                                                      | not a JSON object
            an RSA key            | {"kty":"RSA","crv":"Ed25519","d":"%D","x":"%X"}                            | 'kty' is 'RSA', not 'OKP'
            an X25519 key         | {"kty":"OKP","crv":"X25519","d":"%D","x":"%X"}                             | 'crv' is 'X25519', not 'Ed25519'
            an encryption key     | {"kty":"OKP","crv":"Ed25519","use":"enc","d":"%D","x":"%X"}                | 'use' is 'enc', not 'sig'
            another algorithm     | {"kty":"OKP","crv":"Ed25519","alg":"ES256","d":"%D","x":"%X"}              | 'alg' is 'ES256', not 'EdDSA'
            a public key          | {"kty":"OKP","crv":"Ed25519","x":"%X"}                                     | 'd' is missing
            a numeric d           | {"kty":"OKP","crv":"Ed25519","d":42,"x":"%X"}                              | 'd' is not a string
            a padded d            | {"kty":"OKP","crv":"Ed25519","d":"%D=","x":"%X"}                           | 'd' is not 32 bytes
            another key's x       | {"kty":"OKP","crv":"Ed25519","d":"%D","x":"%OTHER"}                        | 'x' is not the public key of 'd'
            a foreign kid         | {"kty":"OKP","crv":"Ed25519","kid":"mine","d":"%D","x":"%X"}               | 'kid' is 'mine' but this key's kid is 'kPrK_qmxVWaYVA9w'
            a duplicate d         | {"kty":"OKP","crv":"Ed25519","d":"%D","d":"%D","x":"%X"}                   | not valid JSON (Duplicate field 'd')
            """)
    void refuses_a_private_jwk_naming_the_problem(String what, String json, String problem) {
        // given
        String other = Base64Url.encode(Ed25519SigningKey.generate().publicKey().raw());
        byte[] jwk = utf8(json.replace("%D", D).replace("%X", X).replace("%OTHER", other));

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ed25519SigningKey.fromPrivateJwk(jwk));

        // then
        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
    }

    @Test
    void refuses_a_jwk_that_is_not_utf_8() {
        byte[] jwk = {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ed25519SigningKey.fromPrivateJwk(jwk));

        assertEquals("not UTF-8", e.getMessage());
    }
}
