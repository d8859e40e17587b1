package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedPassKeysTest {

    static final String X = Rfc8037Example.X;

    @TempDir
    Path dir;

    @Test
    void reads_back_the_keys_it_wrote() {
        // given
        TrustedPassKeys keys = PassSigningKey.generate().trustedKeys().plus(PassSigningKey.generate().trustedKeys());
        Path file = dir.resolve("trusted-pass-keys.jwks");

        // when
        keys.write(file);
        TrustedPassKeys readBack = TrustedPassKeys.read(file);

        // then
        assertEquals(keys.keyIds(), readBack.keyIds());
        for (String kid : keys.keyIds()) {
            assertArrayEquals(keys.find(kid).orElseThrow().getEncoded(), readBack.find(kid).orElseThrow().getEncoded());
        }
    }

    @Test
    void writes_public_entries_marked_for_eddsa_signatures_and_nothing_private() throws Exception {
        // given
        PassSigningKey key = PassSigningKey.generate();
        Path file = dir.resolve("trusted-pass-keys.jwks");

        // when
        key.trustedKeys().write(file);

        // then
        JsonNode entry = StrictJson.read(file).get("keys").get(0);
        List<String> members = new ArrayList<>();
        entry.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("kty", "crv", "kid", "x", "use", "alg"), members);
        assertEquals(key.keyId(), entry.get("kid").asText());
        assertEquals("sig", entry.get("use").asText());
        assertEquals("EdDSA", entry.get("alg").asText());
        assertFalse(entry.has("d"));
    }

    @Test
    void replaces_an_existing_file_without_leaving_temporary_files() throws Exception {
        // given
        Path file = dir.resolve("trusted-pass-keys.jwks");
        PassSigningKey.generate().trustedKeys().write(file);
        TrustedPassKeys newer = PassSigningKey.generate().trustedKeys();

        // when
        newer.write(file);

        // then
        assertEquals(newer.keyIds(), TrustedPassKeys.read(file).keyIds());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void merges_several_files_into_one_sorted_set_of_kids() {
        // given
        PassSigningKey a = PassSigningKey.generate();
        PassSigningKey b = PassSigningKey.generate();
        Path first = dir.resolve("site-a.jwks");
        Path second = dir.resolve("site-b.jwks");
        a.trustedKeys().write(first);
        a.trustedKeys().plus(b.trustedKeys()).write(second);

        // when
        TrustedPassKeys keys = TrustedPassKeys.read(List.of(first, second));

        // then
        assertEquals(List.copyOf(new TreeSet<>(Set.of(a.keyId(), b.keyId()))), List.copyOf(keys.keyIds()));
        assertTrue(keys.find(a.keyId()).isPresent());
        assertTrue(keys.find("unknown").isEmpty());
        assertTrue(keys.find(null).isEmpty());
    }

    @Test
    void trusts_nothing_when_given_no_files() {
        assertTrue(TrustedPassKeys.read(List.of()).keyIds().isEmpty());
    }

    @Test
    void gives_an_entry_without_kid_the_derived_one() throws Exception {
        // given
        Path file = dir.resolve("a1.jwks");
        Files.writeString(file, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}]}");

        // when / then
        assertEquals(Set.of("kPrK_qmxVWaYVA9w"), TrustedPassKeys.read(file).keyIds());
    }

    @Test
    void finds_a_jdk_key_that_verifies_the_rfc_8037_a4_signature() throws Exception {
        // given the A.1 public key in a JWK Set with only the required members, as RFC 8037 prints it
        Path file = dir.resolve("a1.jwks");
        Files.writeString(file, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}]}");
        PublicKey key = TrustedPassKeys.read(file).find(Rfc8037Example.KID).orElseThrow();
        String jws = Rfc8037Example.A4_JWS;
        int lastDot = jws.lastIndexOf('.');

        // when the JDK checks the A.4 signature with the key found
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        boolean verified = signature.verify(Base64.getUrlDecoder().decode(jws.substring(lastDot + 1)));

        // then
        assertTrue(verified);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no keys member     | {"k":[]}                                                                       | 'keys' is not an array
            a private key      | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","d":"%D"}]}                     | keys[0]: contains a private key
            an encryption key  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","use":"enc"}]}                  | keys[0]: 'use' is 'enc'
            another algorithm  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X","alg":"ES256"}]}                | keys[0]: 'alg' is 'ES256'
            a mislabelled key  | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"%X"},{"kty":"OKP","crv":"Ed25519","kid":"other","x":"%X"}]} | keys[1]: 'kid' is 'other'
            a short key        | {"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]}                            | keys[0]: 'x' is not 32 bytes
            a string entry     | {"keys":["%X"]}                                                                | keys[0]: not a JSON object
            """)
    void refuses_a_malformed_file_naming_the_file_and_the_entry(String what, String json, String problem) throws Exception {
        // given
        Path file = dir.resolve("trusted-pass-keys.jwks");
        Files.writeString(file, json.replace("%X", X).replace("%D", Rfc8037Example.D));

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedPassKeys.read(file));

        // then
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
