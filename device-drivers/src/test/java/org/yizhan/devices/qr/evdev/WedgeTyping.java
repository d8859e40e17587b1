package org.yizhan.devices.qr.evdev;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes the evdev stream a USB keyboard-wedge scanner set to the US layout produces when it types
 * text, as the kernel reports a HID boot keyboard: for each report, an {@code EV_MSC/MSC_SCAN} with the
 * HID usage (page 7) before each {@code EV_KEY}, then {@code EV_SYN/SYN_REPORT}; a key is pressed in one
 * report (with Left Shift in the same report when needed) and released in the next. All events of a
 * report share its timestamp. Reports come 1–2 ms apart (a full-speed USB device polled every
 * millisecond), so a key takes 2–4 ms, as scanners type.
 *
 * <p>Its key table is written out here on purpose, apart from the production keymap, so that a fixture
 * written with it checks the keymap rather than repeating it.
 */
public final class WedgeTyping {

    /** A key: Linux key code, HID usage id, and whether Shift is held for the character. */
    record Key(int code, int usage, boolean shift) {
    }

    static final int KEY_LEFTSHIFT = 42;
    static final int USAGE_LEFTSHIFT = 0xE1;
    static final Key ENTER = new Key(28, 0x28, false);

    private static final Map<Character, Key> US = usKeys();

    private final int recordSize;
    private final Random jitter;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long micros;

    /**
     * @param recordSize 16 or 24: the input_event layout of the reading process
     * @param start      the first report's timestamp
     * @param seed       seeds the 1–2 ms spacing, so the same arguments write the same bytes
     */
    public WedgeTyping(int recordSize, Instant start, long seed) {
        this.recordSize = recordSize;
        this.jitter = new Random(seed);
        this.micros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1_000;
    }

    /** Types {@code text} and Enter, as a scanner does for each code it reads. */
    public WedgeTyping line(String text) {
        for (char c : text.toCharArray()) {
            Key key = US.get(c);
            if (key == null) {
                throw new IllegalArgumentException(String.format("no US key types U+%04X", (int) c));
            }
            press(key);
        }
        press(ENTER);
        return this;
    }

    private void press(Key key) {
        report(key, 1);
        report(key, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    static Map<Character, Key> keys() {
        return US;
    }

    private void report(Key key, int value) {
        if (key.shift()) {
            write(InputEvent.EV_MSC, InputEvent.MSC_SCAN, 0x70000 | USAGE_LEFTSHIFT);
            write(InputEvent.EV_KEY, KEY_LEFTSHIFT, value);
        }
        write(InputEvent.EV_MSC, InputEvent.MSC_SCAN, 0x70000 | key.usage());
        write(InputEvent.EV_KEY, key.code(), value);
        write(InputEvent.EV_SYN, InputEvent.SYN_REPORT, 0);
        micros += 1_000 + jitter.nextInt(1_001);
    }

    private void write(int type, int code, int value) {
        ByteBuffer record = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
        if (recordSize == 24) {
            record.putLong(micros / 1_000_000).putLong(micros % 1_000_000);
        } else {
            record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
        }
        record.putShort((short) type).putShort((short) code).putInt(value);
        out.writeBytes(record.array());
    }

    private static Map<Character, Key> usKeys() {
        Map<Character, Key> keys = new HashMap<>();
        String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        int[] firstCodes = {16, 30, 44};
        for (int row = 0; row < rows.length; row++) {
            for (int i = 0; i < rows[row].length(); i++) {
                char letter = rows[row].charAt(i);
                int usage = 0x04 + (letter - 'a');
                keys.put(letter, new Key(firstCodes[row] + i, usage, false));
                keys.put(Character.toUpperCase(letter), new Key(firstCodes[row] + i, usage, true));
            }
        }
        String digits = "1234567890";
        String shiftedDigits = "!@#$%^&*()";
        for (int i = 0; i < digits.length(); i++) {
            keys.put(digits.charAt(i), new Key(2 + i, 0x1E + i, false));
            keys.put(shiftedDigits.charAt(i), new Key(2 + i, 0x1E + i, true));
        }
        Object[][] punctuation = {
            {'-', '_', 12, 0x2D}, {'=', '+', 13, 0x2E}, {'[', '{', 26, 0x2F}, {']', '}', 27, 0x30},
            {'\\', '|', 43, 0x31}, {';', ':', 39, 0x33}, {'\'', '"', 40, 0x34}, {'`', '~', 41, 0x35},
            {',', '<', 51, 0x36}, {'.', '>', 52, 0x37}, {'/', '?', 53, 0x38}, {' ', ' ', 57, 0x2C},
        };
        for (Object[] p : punctuation) {
            keys.put((Character) p[0], new Key((Integer) p[2], (Integer) p[3], false));
            if (!p[0].equals(p[1])) {
                keys.put((Character) p[1], new Key((Integer) p[2], (Integer) p[3], true));
            }
        }
        // Escape has no character: it lets a test type a "control character" the way a keyboard can.
        keys.put('\u001b', new Key(1, 0x29, false));
        return Map.copyOf(keys);
    }
}
