package org.yizhan.fleet.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintainersTest {

    private static final PasswordHash WANG = PasswordHash.create("wang-pass".toCharArray(), 10_000);
    private static final PasswordHash CHEN = PasswordHash.create("chen-pass".toCharArray(), 10_000);

    @Test
    void the_users_file_has_one_name_and_hash_a_line_with_comments_and_blank_lines() {
        String file = "# maintainers of the Pudong fleet\n\nwanglei:" + WANG + "\r\nchen.jing:" + CHEN + "\n";

        Maintainers maintainers = Maintainers.parse(file, "users");

        assertEquals(List.of("wanglei", "chen.jing"), List.copyOf(maintainers.names()));
        assertTrue(maintainers.verify("wanglei", "wang-pass".toCharArray()));
        assertTrue(maintainers.verify("chen.jing", "chen-pass".toCharArray()));
        assertFalse(maintainers.verify("wanglei", "chen-pass".toCharArray()));
        assertFalse(maintainers.verify("nobody", "wang-pass".toCharArray()));
        assertFalse(maintainers.verify(null, "wang-pass".toCharArray()));
    }

    @Test
    void written_back_it_reads_the_same() {
        Maintainers maintainers = Maintainers.of(Map.of("wanglei", WANG));

        Maintainers read = Maintainers.parse(maintainers.toFileText(), "users");

        assertTrue(read.verify("wanglei", "wang-pass".toCharArray()));
    }

    @Test
    void a_bad_line_is_refused_naming_the_file_and_line() {
        IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
                () -> Maintainers.parse("wanglei:" + WANG + "\njust-a-name\n", "/etc/yizhan/users"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Maintainers.parse("wanglei:" + WANG + "\nwanglei:" + CHEN + "\n", "users"));
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> Maintainers.parse("wang lei:" + WANG + "\n", "users"));
        IllegalArgumentException badHash = assertThrows(IllegalArgumentException.class,
                () -> Maintainers.parse("wanglei:plaintext-password\n", "users"));

        assertEquals("/etc/yizhan/users:2: write name:hash", noColon.getMessage());
        assertEquals("users:2: maintainer wanglei is given twice", twice.getMessage());
        assertTrue(badName.getMessage().startsWith("users:1: the name"), badName.getMessage());
        assertTrue(badHash.getMessage().startsWith("users:1: a password hash is written"), badHash.getMessage());
        assertFalse(badHash.getMessage().contains("plaintext-password"));
    }
}
