package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevocationListTest {

    static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void revokes_nothing_when_the_file_is_missing() {
        RevocationList list = RevocationList.read(dir.resolve("revoked-passes.txt"));

        assertFalse(list.isRevoked(pass("v-1", T)));
    }

    @Test
    void revokes_every_pass_of_a_listed_subject_and_ignores_comments_and_blank_lines() throws Exception {
        // given
        Path file = write("\uFEFF# revoked after the phone was lost\n\n  v-1   # all of them\nv-2 " + T + "\n");

        // when
        RevocationList list = RevocationList.read(file);

        // then
        assertTrue(list.isRevoked(pass("v-1", T.plusSeconds(1_000_000))));
        assertTrue(list.isRevoked(pass("v-2", T)));
        assertTrue(list.isRevoked(pass("v-2", T.minusSeconds(1))));
        assertFalse(list.isRevoked(pass("v-2", T.plusSeconds(1))));
        assertFalse(list.isRevoked(pass("v-3", T)));
    }

    @Test
    void lets_the_widest_of_several_entries_for_a_subject_win() throws Exception {
        // given
        Path file = write("v-1 " + T + "\nv-1 " + T.plusSeconds(60) + "\nv-2 " + T + "\nv-2\n");

        // when
        RevocationList list = RevocationList.read(file);

        // then
        assertTrue(list.isRevoked(pass("v-1", T.plusSeconds(60))));
        assertFalse(list.isRevoked(pass("v-1", T.plusSeconds(61))));
        assertTrue(list.isRevoked(pass("v-2", T.plusSeconds(1_000_000))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            too many fields   | v-1\\n# ok\\nv 2 3 4\\n           | :3: expected SUBJECT or SUBJECT ISO-INSTANT
            a bad instant     | v-1\\nv-2 yesterday\\n            | :2: 'yesterday' is not an instant
            a local date time | v-1 2025-03-01T08:00:00\\n        | :1: '2025-03-01T08:00:00' is not an instant
            a name            | 张三\\n                           | :1: '??' is not a subject
            """)
    void refuses_a_bad_line_naming_the_file_and_line_number(String what, String content, String problem) throws Exception {
        // given
        Path file = write(content.replace("\\n", "\n"));

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RevocationList.read(file));

        // then
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void refuses_a_file_that_is_not_utf_8() throws Exception {
        Path file = dir.resolve("revoked-passes.txt");
        Files.write(file, new byte[] {'v', '-', (byte) 0xff, '\n'});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RevocationList.read(file));

        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("revoked-passes.txt"), content);
    }

    static VisitorPass pass(String subject, Instant issuedAt) {
        return new VisitorPass(subject, VisitorCategory.RESIDENT, "demo", issuedAt, issuedAt.plusSeconds(3600), "kid");
    }
}
