package org.yizhan.provisioning.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {

    /** Written by mosquitto_passwd 2.0.11: {@code mosquitto_passwd -c -b FILE alice secret123}. */
    private static final String MOSQUITTO_PASSWD_LINE = "alice:$7$101$zTB1+lMcarIDE6AK$t+VWZfUtzhK+9YouThY7TbLnVNaYl699"
            + "Rym7QSR7tDZ1P+PwvMaEMR1ZyamRNGNkjjRR39RP4C74nfpTVaFtnA==";

    @Test
    void accepts_the_password_of_a_line_written_by_mosquitto_passwd() {
        // given
        String encoded = MOSQUITTO_PASSWD_LINE.substring("alice:".length());

        // when
        MosquittoPasswordHash hash = MosquittoPasswordHash.parse(encoded);

        // then
        assertEquals(101, hash.iterations());
        assertEquals(12, hash.salt().length);
        assertTrue(hash.matches("secret123"));
        assertFalse(hash.matches("secret124"));
        assertEquals(encoded, hash.encoded());
    }

    @Test
    void writes_101_iterations_a_12_byte_salt_and_a_64_byte_hash_in_padded_standard_base64() {
        // when
        String encoded = MosquittoPasswordHash.of("pässword-Ω", new SecureRandom()).encoded();

        // then
        String[] parts = encoded.split("\\$");
        assertEquals(5, parts.length, encoded);
        assertEquals("", parts[0]);
        assertEquals("7", parts[1]);
        assertEquals("101", parts[2]);
        assertEquals(16, parts[3].length());
        assertEquals(12, Base64.getDecoder().decode(parts[3]).length);
        assertEquals(88, parts[4].length());
        assertTrue(parts[4].endsWith("=="), parts[4]);
        assertEquals(64, Base64.getDecoder().decode(parts[4]).length);
    }

    @Test
    void parses_back_to_a_hash_that_the_jdks_pbkdf2_recomputes() throws Exception {
        // given
        String password = "kiosk-password-0123456789";
        MosquittoPasswordHash written = MosquittoPasswordHash.of(password, new SecureRandom());

        // when
        MosquittoPasswordHash parsed = MosquittoPasswordHash.parse(written.encoded());

        // then
        assertArrayEquals(written.salt(), parsed.salt());
        assertTrue(parsed.matches(password));
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), parsed.salt(), parsed.iterations(), 512))
                .getEncoded();
        assertArrayEquals(jdk, parsed.hash());
    }

    @Test
    void refuses_other_hash_formats_with_a_reason() {
        assertThrows(IllegalArgumentException.class, () -> MosquittoPasswordHash.parse("$6$abc$def"));
        assertThrows(IllegalArgumentException.class, () -> MosquittoPasswordHash.parse("$7$many$abc$def"));
        assertThrows(IllegalArgumentException.class, () -> MosquittoPasswordHash.parse("$7$101$abc"));
        assertThrows(IllegalArgumentException.class, () -> MosquittoPasswordHash.parse("$7$101$zTB1+lMcarIDE6AK$c2hvcnQ="));
    }

    @Test
    void never_shows_the_hash_in_its_string_form() {
        MosquittoPasswordHash hash = MosquittoPasswordHash.of("secret", new SecureRandom());
        assertFalse(hash.toString().contains(Base64.getEncoder().encodeToString(hash.hash())));
        assertFalse(new String(hash.hash(), StandardCharsets.ISO_8859_1).isEmpty());
    }
}
