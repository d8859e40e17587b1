package org.yizhan.devices.health.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.HexBytes;

/**
 * Yizhan's own line format for a BLE-to-USB bridge: a small board (an ESP32 or nRF52 dongle, say) that
 * pairs with the cuff as a BLE central and forwards every indication it receives over USB serial. It is
 * not any vendor's protocol; cuffs that speak their own serial protocol need their own
 * {@link SerialFrameProtocol}.
 *
 * <p>The format, one frame per line, ASCII:
 * <pre>
 * line    = uuid16 *(SP byte) [CR] LF     ; e.g. "2A35 04 78 00 50 00 5D 00 48 00"
 * uuid16  = ["0x"] 1*4HEXDIG             ; the characteristic's 16-bit UUID
 * byte    = ["0x"] 2HEXDIG               ; the characteristic value, byte by byte, as received
 * comment = "#" *VCHAR [CR] LF           ; bridge diagnostics, ignored
 * </pre>
 * This is exactly the argument of the headless {@code ble} command, so a line from a bridge's log can be
 * replayed on a simulated kiosk as it is. Empty lines are skipped. A line longer than {@value #MAX_LINE}
 * characters, with a byte outside printable ASCII, with an unreadable UUID or bad hex is
 * {@link SerialFrame.Garbled}, and the decoder carries on at the next line; a line for a characteristic
 * Yizhan does not decode (a battery level, say) is {@link SerialFrame.Ignored}.
 */
public final class BridgeLineProtocol implements SerialFrameProtocol {

    /** Far more than the longest frame of a health characteristic (19 bytes, 59 characters). */
    public static final int MAX_LINE = 512;

    @Override
    public String name() {
        return "bridge-line";
    }

    @Override
    public Decoder newDecoder() {
        return new LineDecoder();
    }

    private static final class LineDecoder implements Decoder {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean overlong;

        @Override
        public List<SerialFrame> feed(byte[] bytes, int length) {
            List<SerialFrame> frames = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    lineEnded().ifPresent(frames::add);
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                } else {
                    // Keep discarding until the line ends, so the next line is read from its start.
                    overlong = true;
                }
            }
            return frames;
        }

        private Optional<SerialFrame> lineEnded() {
            byte[] raw = line.toByteArray();
            boolean wasOverlong = overlong;
            line.reset();
            overlong = false;
            if (wasOverlong) {
                return Optional.of(new SerialFrame.Garbled("a line longer than " + MAX_LINE + " characters"));
            }
            int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
            for (int i = 0; i < end; i++) {
                int c = raw[i] & 0xFF;
                if ((c < 0x20 || c > 0x7E) && c != '\t') {
                    return Optional.of(new SerialFrame.Garbled(String.format(
                            "byte 0x%02X at column %d is not printable ASCII (wrong baud rate?)", c, i + 1)));
                }
            }
            String text = new String(raw, 0, end, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (text.startsWith("#")) {
                return Optional.of(new SerialFrame.Ignored("bridge comment: " + text));
            }
            return Optional.of(parse(text));
        }

        private static SerialFrame parse(String text) {
            String[] parts = text.split("\\s+", 2);
            int uuid16;
            byte[] value;
            try {
                uuid16 = Characteristic.parseUuid16(parts[0]);
                value = HexBytes.parse(parts.length > 1 ? parts[1] : "");
            } catch (IllegalArgumentException e) {
                return new SerialFrame.Garbled(e.getMessage());
            }
            return Characteristic.ofUuid16(uuid16)
                    .<SerialFrame>map(c -> new SerialFrame.Notification(new BleNotification(c, value)))
                    .orElseGet(() -> new SerialFrame.Ignored(String.format("characteristic 0x%04X is not one Yizhan decodes", uuid16)));
        }
    }
}
