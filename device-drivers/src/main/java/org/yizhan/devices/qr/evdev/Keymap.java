package org.yizhan.devices.qr.evdev;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which character a key press types: the table a keyboard-wedge scanner is set up for (it "types" on a
 * US, German, … keyboard). Built in: {@code us} and {@code de}, kept as data in
 * {@code keymap-us.properties} and {@code keymap-de.properties} beside this class. A site whose scanner
 * differs loads its own file in the same format ({@link #load}):
 *
 * <pre>
 * # Linux key code = without Shift, with Shift[, with AltGr]
 * # Optional: start from a built-in table and list only the keys that differ.
 * base = us
 * 30 = aA
 * 16 = qQ@
 * # A space on both levels, as Properties escapes:
 * 57 = &#92;u0020&#92;u0020
 * </pre>
 *
 * Files are read as UTF-8. Enter, Shift, AltGr, Ctrl, Alt and Meta keys are not characters and cannot
 * be mapped; keys absent from the table have no character, and a code containing one is refused.
 * Dead keys (such as {@code ^} on a German keyboard) are not supported: leave them out.
 *
 * @param name where the table came from: a built-in name or a file
 * @param keys key code → its characters
 */
public record Keymap(String name, Map<Integer, KeyChars> keys) {

    /** The characters of one key: plain, with Shift, and with AltGr where the layout has one. */
    public record KeyChars(char normal, char shifted, Optional<Character> altGr) {

        public KeyChars {
            Objects.requireNonNull(altGr, "altGr");
        }
    }

    public static final int KEY_ENTER = 28;
    public static final int KEY_KPENTER = 96;
    public static final int KEY_LEFTSHIFT = 42;
    public static final int KEY_RIGHTSHIFT = 54;
    public static final int KEY_RIGHTALT = 100;
    /** Ctrl, left Alt and Meta: a key pressed with one of these held types no character. */
    public static final Set<Integer> COMMAND_MODIFIERS = Set.of(29, 97, 56, 125, 126);

    private static final Set<Integer> NOT_CHARACTERS = Set.of(KEY_ENTER, KEY_KPENTER, KEY_LEFTSHIFT,
            KEY_RIGHTSHIFT, KEY_RIGHTALT, 29, 97, 56, 125, 126);
    private static final List<String> BUILT_IN = List.of("us", "de");
    private static final String BASE = "base";

    public Keymap {
        Objects.requireNonNull(name, "name");
        keys = Map.copyOf(keys);
        for (Map.Entry<Integer, KeyChars> key : keys.entrySet()) {
            int code = key.getKey();
            if (code < 1 || code > InputEvent.KEY_MAX) {
                throw new IllegalArgumentException("keymap " + name + ": key code " + code + " is not 1–767");
            }
            if (NOT_CHARACTERS.contains(code)) {
                throw new IllegalArgumentException("keymap " + name + ": key " + code
                        + " is Enter or a modifier and cannot type a character");
            }
            KeyChars chars = key.getValue();
            for (char c : new char[] {chars.normal(), chars.shifted(), chars.altGr().orElse(' ')}) {
                if (Character.isISOControl(c)) {
                    throw new IllegalArgumentException(String.format(
                            "keymap %s: key %d maps to control character U+%04X", name, code, (int) c));
                }
            }
        }
    }

    /** The US layout, which scanners type by default. */
    public static Keymap us() {
        return builtIn("us");
    }

    /** The German (QWERTZ) layout. */
    public static Keymap de() {
        return builtIn("de");
    }

    /**
     * A built-in layout by name ({@code us}, {@code de}), or else a keymap file at that path: the value
     * of {@code scanner.keymap}.
     *
     * @throws IllegalArgumentException when the file is malformed
     * @throws UncheckedIOException when it cannot be read
     */
    public static Keymap named(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        try {
            return load(Path.of(nameOrFile));
        } catch (IOException e) {
            throw new UncheckedIOException("scanner.keymap: cannot read " + nameOrFile
                    + " (built-in keymaps: " + String.join(", ", BUILT_IN) + ")", e);
        }
    }

    /** Reads a keymap file in the format above. */
    public static Keymap load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        }
    }

    /** The character key {@code code} types with the given modifiers held, if it types one. */
    public Optional<Character> character(int code, boolean shift, boolean altGr) {
        KeyChars chars = keys.get(code);
        if (chars == null) {
            return Optional.empty();
        }
        if (altGr) {
            return chars.altGr();
        }
        return Optional.of(shift ? chars.shifted() : chars.normal());
    }

    private static Keymap builtIn(String name) {
        String resource = "keymap-" + name + ".properties";
        try (InputStream in = Keymap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in keymap " + resource + " is missing from the jar");
            }
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Keymap parse(String name, Reader reader) throws IOException {
        Properties table = new Properties();
        table.load(reader);
        Map<Integer, KeyChars> keys = new TreeMap<>();
        String base = table.getProperty(BASE);
        if (base != null) {
            if (!BUILT_IN.contains(base.strip())) {
                throw new IllegalArgumentException("keymap " + name + ": base " + base.strip()
                        + " is not a built-in keymap (" + String.join(", ", BUILT_IN) + ")");
            }
            keys.putAll(builtIn(base.strip()).keys());
        }
        for (String key : table.stringPropertyNames()) {
            if (key.equals(BASE)) {
                continue;
            }
            int code;
            try {
                code = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("keymap " + name + ": '" + key
                        + "' is not a key code (a number, as evtest shows it)");
            }
            String chars = table.getProperty(key);
            if (chars.length() != 2 && chars.length() != 3) {
                throw new IllegalArgumentException("keymap " + name + ": key " + code
                        + " needs 2 or 3 characters (plain, Shift, optional AltGr), got '" + chars + "'");
            }
            keys.put(code, new KeyChars(chars.charAt(0), chars.charAt(1),
                    chars.length() == 3 ? Optional.of(chars.charAt(2)) : Optional.empty()));
        }
        return new Keymap(name, keys);
    }
}
