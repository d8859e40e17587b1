package org.yizhan.devices.health.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.Frames.bytes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.devices.health.Characteristic;

class BridgeLineProtocolTest {

    private final SerialFrameProtocol.Decoder decoder = new BridgeLineProtocol().newDecoder();

    private List<SerialFrame> feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return decoder.feed(bytes, bytes.length);
    }

    private static BleNotification notification(SerialFrame frame) {
        return assertInstanceOf(SerialFrame.Notification.class, frame).notification();
    }

    @Test
    void reads_a_line_as_a_characteristic_value() {
        // when
        List<SerialFrame> frames = feed("2A35 04 78 00 50 00 5D 00 48 00\n");

        // then
        assertEquals(1, frames.size());
        BleNotification value = notification(frames.get(0));
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, value.characteristic());
        assertArrayEquals(bytes(0x04, 0x78, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00), value.value());
    }

    @Test
    void takes_crlf_0x_prefixes_and_lower_case() {
        // when
        List<SerialFrame> frames = feed("0x2a9d 0x00 0x14 0x37\r\n");

        // then
        assertEquals(BleNotification.parse("2A9D 00 14 37"), notification(frames.get(0)));
    }

    @Test
    void keeps_a_partial_line_until_it_ends() {
        // when
        List<SerialFrame> first = feed("2A1C 00 6E");
        List<SerialFrame> second = feed(" 01 00 FF\n");

        // then
        assertEquals(List.of(), first);
        assertEquals(BleNotification.parse("2A1C 00 6E 01 00 FF"), notification(second.get(0)));
    }

    @Test
    void returns_every_line_one_read_completes_in_order() {
        // when
        List<SerialFrame> frames = feed("2A36 00 96 00 FF 07 FF 07\n2A35 04 78 00 50 00 5D 00 48 00\n2A35");

        // then
        assertEquals(2, frames.size());
        assertEquals(Characteristic.INTERMEDIATE_CUFF_PRESSURE, notification(frames.get(0)).characteristic());
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, notification(frames.get(1)).characteristic());
    }

    @Test
    void skips_empty_lines_and_ignores_comments() {
        // when
        List<SerialFrame> frames = feed("\n  \r\n# connected to A4:C1:38:00:00:01\n");

        // then
        assertEquals(1, frames.size());
        assertEquals("bridge comment: # connected to A4:C1:38:00:00:01",
                assertInstanceOf(SerialFrame.Ignored.class, frames.get(0)).reason());
    }

    @Test
    void ignores_a_characteristic_yizhan_does_not_decode() {
        // when: Battery Level
        List<SerialFrame> frames = feed("2A19 64\n");

        // then
        assertEquals("characteristic 0x2A19 is not one Yizhan decodes",
                assertInstanceOf(SerialFrame.Ignored.class, frames.get(0)).reason());
    }

    @Test
    void a_line_with_bad_hex_is_garbled_naming_the_token() {
        // when
        List<SerialFrame> frames = feed("2A35 04 78 0O\n");

        // then
        assertEquals("'0O' (token 3) is not hex", assertInstanceOf(SerialFrame.Garbled.class, frames.get(0)).reason());
    }

    @Test
    void a_line_with_a_bad_uuid_is_garbled_quoting_it() {
        // when
        List<SerialFrame> frames = feed("BP 04 78\n");

        // then
        String reason = assertInstanceOf(SerialFrame.Garbled.class, frames.get(0)).reason();
        assertTrue(reason.startsWith("'BP' is not a 16-bit characteristic UUID"), reason);
    }

    @Test
    void an_overlong_line_is_garbled_and_the_next_line_is_read_from_its_start() {
        // given
        String noise = "A".repeat(BridgeLineProtocol.MAX_LINE + 100);

        // when
        List<SerialFrame> frames = feed(noise + "\n2A9D 00 14 37\n");

        // then
        assertEquals(2, frames.size());
        assertEquals("a line longer than 512 characters", assertInstanceOf(SerialFrame.Garbled.class, frames.get(0)).reason());
        assertEquals(Characteristic.WEIGHT_MEASUREMENT, notification(frames.get(1)).characteristic());
    }

    @Test
    void a_byte_outside_printable_ascii_is_garbled() {
        // when: what 9600-baud bytes look like at 115200
        List<SerialFrame> frames = feed("2A35 \u00e0\u00f8\n");

        // then
        assertEquals("byte 0xE0 at column 6 is not printable ASCII (wrong baud rate?)",
                assertInstanceOf(SerialFrame.Garbled.class, frames.get(0)).reason());
    }

    @Test
    void a_line_without_bytes_is_a_value_of_no_bytes_for_the_parser_to_reject() {
        // when
        List<SerialFrame> frames = feed("2A35\n");

        // then
        assertArrayEquals(new byte[0], notification(frames.get(0)).value());
    }

    @Test
    void reads_only_the_given_length_of_the_buffer() {
        // given a buffer holding a line and stale bytes after it
        byte[] buffer = "2A9D 00 14 37\n2A35 stale".getBytes(StandardCharsets.US_ASCII);

        // when
        List<SerialFrame> frames = decoder.feed(buffer, 14);

        // then
        assertEquals(1, frames.size());
        assertEquals(List.of(), feed("\n"), "the stale bytes were not kept");
    }
}
