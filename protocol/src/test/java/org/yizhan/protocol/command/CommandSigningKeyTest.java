package org.yizhan.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandSigningKeyTest {

    @Test
    void a_key_written_as_a_private_jwk_reads_back_to_the_same_kid() {
        // given
        CommandSigningKey key = CommandSigningKey.generate();

        // when
        CommandSigningKey read = CommandSigningKey.fromJwk(key.privateJwk());

        // then
        assertEquals(key.kid(), read.kid());
        assertEquals(16, key.kid().length());
    }

    @Test
    void refuses_a_jwk_whose_public_key_is_not_its_private_keys() {
        String d = "1ImGB7PaPdfvNV7cBh8PQ9z1TB4XUXPhIl6hjoZ4_IM";
        String otherX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandSigningKey.fromJwk(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + otherX + "\",\"d\":\"" + d + "\"}"));
        assertTrue(e.getMessage().contains("'x' is not the public key of 'd'"), e.getMessage());
    }

    @Test
    void refuses_a_jwk_of_another_curve_or_a_kid_that_is_not_its_own() {
        CommandSigningKey key = CommandSigningKey.generate();

        assertThrows(IllegalArgumentException.class,
                () -> CommandSigningKey.fromJwk(key.privateJwk().replace("Ed25519", "X25519")));
        assertThrows(IllegalArgumentException.class,
                () -> CommandSigningKey.fromJwk(key.privateJwk().replace(key.kid(), "someone-elses")));
        assertThrows(IllegalArgumentException.class, () -> CommandSigningKey.fromJwk("not json"));
    }

    @Test
    void the_public_jwk_set_reads_back_and_carries_no_private_key() {
        CommandSigningKey key = CommandSigningKey.generate();

        String jwks = key.trusted().jwks();

        assertFalse(jwks.contains("\"d\""), jwks);
        assertEquals(Set.of(key.kid()), TrustedCommandKeys.fromJwks(jwks).kids());
    }

    @Test
    void a_trust_file_with_a_private_key_is_refused() {
        String jwk = CommandSigningKey.generate().privateJwk();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedCommandKeys.fromJwks("{\"keys\":[" + jwk + "]}"));
        assertTrue(e.getMessage().startsWith("keys[0]: contains a private key"), e.getMessage());
    }

    @Test
    void trusting_two_keys_lets_the_fleet_rotate() {
        CommandSigningKey old = CommandSigningKey.generate();
        CommandSigningKey next = CommandSigningKey.generate();

        TrustedCommandKeys both = old.trusted().plus(next.trusted());

        assertEquals(Set.of(old.kid(), next.kid()), TrustedCommandKeys.fromJwks(both.jwks()).kids());
    }
}
