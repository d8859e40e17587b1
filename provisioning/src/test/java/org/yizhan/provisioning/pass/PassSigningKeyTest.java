package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.provisioning.files.AtomicFiles;

class PassSigningKeyTest {

    static final String D = Rfc8037Example.D;
    static final String X = Rfc8037Example.X;

    @TempDir
    Path dir;

    @Test
    void writes_the_key_readable_only_by_its_owner() throws Exception {
        // given
        assumeTrue(AtomicFiles.supportsPosix(dir), "file system without POSIX permissions");
        Path file = dir.resolve("pass-signing.jwk");

        // when
        PassSigningKey.generate().write(file);

        // then
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void reads_back_the_key_it_wrote() throws Exception {
        // given
        PassSigningKey key = PassSigningKey.generate();
        Path file = dir.resolve("pass-signing.jwk");
        key.write(file);

        // when
        PassSigningKey readBack = PassSigningKey.read(file);

        // then it is the same key: its passes verify with the original's public key
        assertEquals(key.keyId(), readBack.keyId());
        String pass = new PassIssuer(readBack, Clock.systemUTC()).issue("v-1", VisitorCategory.STAFF, "demo", Duration.ofHours(1));
        PassVerifier verifier = new PassVerifier(key.trustedKeys(), RevocationList.empty(), Clock.systemUTC(), Duration.ZERO);
        assertInstanceOf(PassCheck.Valid.class, verifier.verify(pass));
    }

    @Test
    void writes_a_private_jwk_with_exactly_the_rfc_8037_members() throws Exception {
        // given
        PassSigningKey key = PassSigningKey.generate();
        Path file = dir.resolve("pass-signing.jwk");

        // when
        key.write(file);

        // then
        JsonNode jwk = StrictJson.read(file);
        List<String> members = new ArrayList<>();
        jwk.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("kty", "crv", "kid", "x", "d"), members);
        assertEquals("OKP", jwk.get("kty").asText());
        assertEquals("Ed25519", jwk.get("crv").asText());
        assertEquals(key.keyId(), jwk.get("kid").asText());
        assertEquals(32, Base64.getUrlDecoder().decode(jwk.get("x").asText()).length);
        assertEquals(32, Base64.getUrlDecoder().decode(jwk.get("d").asText()).length);
        assertFalse(jwk.get("d").asText().contains("="), "no padding");
    }

    @Test
    void reads_a_private_jwk_another_tool_wrote_without_kid_and_names_it_by_its_thumbprint() throws Exception {
        // given the RFC 8037 A.1 private JWK as another tool would write it, without kid
        Path file = dir.resolve("a1.jwk");
        Files.writeString(file, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + D + "\",\"x\":\"" + X + "\"}");

        // when
        PassSigningKey key = PassSigningKey.read(file);

        // then its kid is the first 16 characters of the A.3 thumbprint
        assertEquals("kPrK_qmxVWaYVA9w", key.keyId());
    }

    @Test
    void refuses_to_overwrite_an_existing_key_file() throws Exception {
        // given
        Path file = dir.resolve("pass-signing.jwk");
        PassSigningKey.generate().write(file);
        byte[] before = Files.readAllBytes(file);

        // when
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> PassSigningKey.generate().write(file));

        // then
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void reports_a_missing_key_file_as_an_io_problem() {
        Path file = dir.resolve("absent.jwk");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> PassSigningKey.read(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON              | kty: OKP                                                                   | not valid JSON
            an array              | [1,2]                                                                      | not a JSON object
            an RSA key            | {"kty":"RSA","crv":"Ed25519","d":"%D","x":"%X"}                            | 'kty' is 'RSA', not 'OKP'
            an X25519 key         | {"kty":"OKP","crv":"X25519","d":"%D","x":"%X"}                             | 'crv' is 'X25519'
            a public key          | {"kty":"OKP","crv":"Ed25519","x":"%X"}                                     | 'd' is missing
            a numeric d           | {"kty":"OKP","crv":"Ed25519","d":42,"x":"%X"}                              | 'd' is not a string
            a short d             | {"kty":"OKP","crv":"Ed25519","d":"%D31","x":"%X"}                          | 'd' is not 32 bytes
            a padded d            | {"kty":"OKP","crv":"Ed25519","d":"%D=","x":"%X"}                           | 'd' is not 32 bytes
            another key's x       | {"kty":"OKP","crv":"Ed25519","d":"%D","x":"%OTHER"}                        | 'x' is not the public key of 'd'
            a foreign kid         | {"kty":"OKP","crv":"Ed25519","kid":"mine","d":"%D","x":"%X"}               | 'kid' is 'mine' but this key's kid is 'kPrK_qmxVWaYVA9w'
            a duplicate d         | {"kty":"OKP","crv":"Ed25519","d":"%D","d":"%D","x":"%X"}                   | Duplicate field 'd'
            """)
    void refuses_a_malformed_key_file_naming_the_file_and_the_problem(String what, String json, String problem)
            throws Exception {
        // given
        Path file = dir.resolve("pass-signing.jwk");
        Files.writeString(file, json.replace("%D31", D.substring(0, 42)).replace("%D", D).replace("%X", X)
                .replace("%OTHER", otherX()));

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassSigningKey.read(file));

        // then
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    String otherX() throws Exception {
        Path jwks = dir.resolve("other.jwks");
        PassSigningKey.generate().trustedKeys().write(jwks);
        return StrictJson.read(jwks).get("keys").get(0).get("x").asText();
    }
}
