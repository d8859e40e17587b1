package org.yizhan.devices.health;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Bytes written as hex, the way support engineers copy them from a log, a phone's BLE app or a
 * specification: {@code "1E 8A 00"}, {@code "0x1e,0x8a,0x00"}, {@code "1E-8A-00"} or {@code "1E8A00"}.
 * Tokens are separated by whitespace, commas, colons or dashes; each may carry a {@code 0x} prefix and
 * holds one or more whole bytes (an even number of hex digits); case does not matter.
 */
public final class HexBytes {

    private static final HexFormat UPPER_SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private HexBytes() {
    }

    /**
     * The bytes {@code text} spells; empty for blank text. Throws {@link IllegalArgumentException} naming
     * the first bad token and its position: "'8G' (token 2) is not hex".
     */
    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (text == null || text.isBlank()) {
            return new byte[0];
        }
        String[] tokens = text.strip().split("[\\s,:\\-]+");
        int position = 0;
        for (String token : tokens) {
            if (token.isEmpty()) {
                // a separator before the first token
                continue;
            }
            position++;
            String digits = token.regionMatches(true, 0, "0x", 0, 2) ? token.substring(2) : token;
            String where = "'" + token + "' (token " + position + ")";
            if (digits.isEmpty()) {
                throw new IllegalArgumentException(where + " has no hex digits");
            }
            if (!digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(where + " is not hex");
            }
            if (digits.length() % 2 != 0) {
                throw new IllegalArgumentException(where + " has an odd number of hex digits; write each byte as two, e.g. 0A");
            }
            out.writeBytes(HexFormat.of().parseHex(digits));
        }
        return out.toByteArray();
    }

    /** Upper-case pairs separated by single spaces, "1E 8A 00"; empty for no bytes. */
    public static String format(byte[] bytes) {
        return UPPER_SPACED.formatHex(bytes);
    }
}
