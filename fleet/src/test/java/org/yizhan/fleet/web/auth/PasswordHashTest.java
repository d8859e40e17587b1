package org.yizhan.fleet.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void a_hash_matches_its_password_and_nothing_else() {
        PasswordHash hash = PasswordHash.create("浦锦-night-shift".toCharArray(), 10_000);

        assertTrue(hash.matches("浦锦-night-shift".toCharArray()));
        assertFalse(hash.matches("浦锦-night-shifT".toCharArray()));
        assertFalse(hash.matches("".toCharArray()));
    }

    @Test
    void the_written_form_keeps_scheme_iterations_salt_and_hash_and_reads_back() {
        PasswordHash hash = PasswordHash.create("secret".toCharArray(), 12_345);

        String written = hash.toString();
        PasswordHash read = PasswordHash.parse(written);

        assertTrue(written.startsWith("pbkdf2-sha256$12345$"), written);
        assertEquals(4, written.split("\\$").length);
        assertEquals(hash, read);
        assertTrue(read.matches("secret".toCharArray()));
    }

    @Test
    void the_same_password_gets_a_different_salt_each_time() {
        PasswordHash one = PasswordHash.create("secret".toCharArray(), 10_000);
        PasswordHash two = PasswordHash.create("secret".toCharArray(), 10_000);

        assertNotEquals(one.toString(), two.toString());
    }

    @Test
    void new_hashes_cost_the_owasp_iterations_by_default() {
        assertTrue(PasswordHash.create("secret".toCharArray()).toString().startsWith("pbkdf2-sha256$600000$"));
    }

    @Test
    void malformed_hashes_are_refused_without_quoting_them() {
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("md5$1000$c2FsdA$aGFzaA"));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha256$10$c2FsdHNhbHRzYWx0$aGFzaA"));
        IllegalArgumentException base64 = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha256$10000$!!!$aGFzaA"));

        assertEquals("a password hash is written pbkdf2-sha256$ITERATIONS$SALT$HASH", scheme.getMessage());
        assertTrue(few.getMessage().contains("at least 1000 iterations"), few.getMessage());
        assertFalse(base64.getMessage().contains("aGFzaA"), base64.getMessage());
    }
}
