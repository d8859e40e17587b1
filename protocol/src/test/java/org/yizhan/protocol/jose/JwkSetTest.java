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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwkSetTest {

    static final String X = Rfc8037VectorsTest.X;

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_back_the_keys_it_wrote_in_sorted_kid_order() {
        // given
        Ed25519PublicKey a = Ed25519SigningKey.generate().publicKey();
        Ed25519PublicKey b = Ed25519SigningKey.generate().publicKey();
        JwkSet keys = JwkSet.of(a).plus(JwkSet.of(b));

        // when
        JwkSet readBack = JwkSet.parse(utf8(keys.toJson()));

        // then
        assertEquals(List.copyOf(new TreeSet<>(Set.of(a.kid(), b.kid()))), List.copyOf(readBack.kids()));
        assertEquals(a, readBack.find(a.kid()).orElseThrow());
        assertEquals(b, readBack.find(b.kid()).orElseThrow());
    }

    @Test
    void writes_public_entries_marked_for_eddsa_signatures_and_nothing_private() throws Exception {
        Ed25519PublicKey key = Ed25519SigningKey.generate().publicKey();

        JsonNode entry = new ObjectMapper().readTree(JwkSet.of(key).toJson()).get("keys").get(0);

        List<String> members = new ArrayList<>();
        entry.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("kty", "crv", "kid", "x", "use", "alg"), members);
        assertEquals(key.kid(), entry.get("kid").asText());
        assertFalse(entry.has("d"));
    }

    @Test
    void finds_nothing_for_an_unknown_or_null_kid() {
        JwkSet keys = JwkSet.of(Ed25519SigningKey.generate().publicKey());

        assertTrue(keys.find("unknown").isEmpty());
        assertTrue(keys.find(null).isEmpty());
        assertTrue(JwkSet.of().kids().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not an object      | []                                                                             | not a JSON object
            no keys member     | {"k":[]}                                                                       | not a JWK Set: 'keys' is not an array
            a private key      | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","d":"%X"}]}                     | keys[0]: contains a private key
            an encryption key  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","use":"enc"}]}                  | keys[0]: 'use' is 'enc', not 'sig'
            another algorithm  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","alg":"ES256"}]}                | keys[0]: 'alg' is 'ES256', not 'EdDSA'
            a mislabelled key  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X"},{"kty":"OKP","crv":"Ed25519","kid":"other","x":"%X"}]} | keys[1]: 'kid' is 'other'
            a short key        | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]}                            | keys[0]: 'x' is not 32 bytes
            a string entry     | {"keys":["%X"]}                                                                | keys[0]: not a JSON object
            a duplicate x      | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","x":"%X"}]}                     | not valid JSON (Duplicate field 'x')
            """)
    void refuses_a_set_naming_the_entry_and_the_problem(String what, String json, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwkSet.parse(utf8(json.replace("%X", X))));

        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
    }
}
