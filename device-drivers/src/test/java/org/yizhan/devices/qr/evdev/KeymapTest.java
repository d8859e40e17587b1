package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeymapTest {

    @TempDir
    Path temp;

    @Test
    void the_us_table_agrees_with_an_independent_table_of_a_us_keyboard() {
        // given the key table the fixture writer uses, written apart from the keymap
        Keymap us = Keymap.us();

        // then every printable character on it comes from the same key and level in the keymap
        for (Map.Entry<Character, WedgeTyping.Key> entry : WedgeTyping.keys().entrySet()) {
            char c = entry.getKey();
            WedgeTyping.Key key = entry.getValue();
            if (Character.isISOControl(c)) {
                assertEquals(Optional.empty(), us.character(key.code(), false, false), "Escape types nothing");
            } else {
                assertEquals(Optional.of(c), us.character(key.code(), key.shift(), false), "key for '" + c + "'");
            }
        }
    }

    @Test
    void the_german_table_swaps_y_and_z_and_has_altgr_characters() {
        Keymap de = Keymap.de();

        assertEquals(Optional.of('z'), de.character(21, false, false));
        assertEquals(Optional.of('Y'), de.character(44, true, false));
        assertEquals(Optional.of('_'), de.character(53, true, false));
        assertEquals(Optional.of('€'), de.character(18, false, true));
        assertEquals(Optional.of('\\'), de.character(12, false, true));
        assertEquals(Optional.of('ß'), de.character(12, false, false));
        assertEquals(Optional.of(' '), de.character(57, true, false));
    }

    @Test
    void named_finds_built_in_tables_and_files() throws Exception {
        Path file = write("30 = aA\n");

        assertEquals("us", Keymap.named("us").name());
        assertEquals("de", Keymap.named("de").name());
        assertEquals(file.toString(), Keymap.named(file.toString()).name());
    }

    @Test
    void a_file_may_change_a_few_keys_of_a_built_in_table() throws Exception {
        // given a site file starting from the US table, with one key changed and one added
        Path file = write("""
                # our scanner types a Euro sign with AltGr + E
                base = us
                18 = eE€
                86 = <>|
                """);

        // when it is loaded
        Keymap site = Keymap.load(file);

        // then the changes apply and the rest is US
        assertEquals(Optional.of('€'), site.character(18, false, true));
        assertEquals(Optional.of('|'), site.character(86, false, true));
        assertEquals(Optional.of('Q'), site.character(16, true, false));
    }

    @Test
    void a_file_without_a_base_has_only_its_own_keys() throws Exception {
        Keymap own = Keymap.load(write("30 = aA\n57 = \\u0020\\u0020\n"));

        assertEquals(Optional.of(' '), own.character(57, false, false));
        assertEquals(Optional.empty(), own.character(16, false, false));
    }

    @Test
    void refuses_files_that_cannot_be_right_saying_which_key() throws Exception {
        assertRefused("28 = xX\n", "key 28");
        assertRefused("30 = a\n", "key 30");
        assertRefused("KEY_A = aA\n", "KEY_A");
        assertRefused("30 = a\\u0009\n", "control character");
        assertRefused("base = fr\n", "fr");
        assertRefused("800 = aA\n", "800");
    }

    @Test
    void a_missing_file_names_the_setting() {
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> Keymap.named(temp.resolve("nope.keymap").toString()));

        assertTrue(missing.getMessage().contains("scanner.keymap"), missing.getMessage());
    }

    private void assertRefused(String content, String named) throws Exception {
        Path file = write(content);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Keymap.load(file));
        assertTrue(refused.getMessage().contains(named) && refused.getMessage().contains(file.toString()),
                refused.getMessage());
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(temp, "site", ".keymap");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
