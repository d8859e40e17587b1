package org.yizhan.devices.qr.serial;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The bytes a serial scanner sends after each code ({@code scanner.terminator}): {@code CR} (most
 * scanners' default), {@code LF}, {@code CRLF}, or any single byte written {@code 0x03} or {@code 3}.
 *
 * @param label as configured, for messages
 * @param bytes one or two bytes, each 0–255
 */
public record Terminator(String label, List<Integer> bytes) {

    public static final Terminator CR = new Terminator("CR", List.of(0x0D));
    public static final Terminator LF = new Terminator("LF", List.of(0x0A));
    public static final Terminator CRLF = new Terminator("CRLF", List.of(0x0D, 0x0A));

    public Terminator {
        Objects.requireNonNull(label, "label");
        bytes = List.copyOf(bytes);
        if (bytes.isEmpty() || bytes.size() > 2) {
            throw new IllegalArgumentException("a terminator is one or two bytes, not " + bytes.size());
        }
        for (int b : bytes) {
            if (b < 0 || b > 0xFF) {
                throw new IllegalArgumentException("a terminator byte is 0–255, not " + b);
            }
        }
    }

    public static Terminator ofByte(int value) {
        return new Terminator(String.format("0x%02X", value), List.of(value));
    }

    /** Reads a {@code scanner.terminator} value. */
    public static Terminator parse(String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        switch (text) {
            case "CR":
                return CR;
            case "LF":
                return LF;
            case "CRLF":
                return CRLF;
            default:
                try {
                    int parsed = text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
                    if (parsed >= 0 && parsed <= 0xFF) {
                        return ofByte(parsed);
                    }
                } catch (NumberFormatException e) {
                    // Falls through to the message that names the setting.
                }
                throw new IllegalArgumentException(
                        "scanner.terminator must be CR, LF, CRLF or one byte such as 0x03, was '" + value + "'");
        }
    }

    /** The last byte, the one that completes the terminator. */
    int last() {
        return bytes.get(bytes.size() - 1);
    }

    /** The byte before the last, or -1 for a one-byte terminator. */
    int beforeLast() {
        return bytes.size() == 2 ? bytes.get(0) : -1;
    }
}
