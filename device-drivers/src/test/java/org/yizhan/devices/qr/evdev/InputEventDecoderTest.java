package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Record vectors laid out by hand from struct input_event (linux/input.h), little-endian. */
class InputEventDecoderTest {

    // KEY_A (30) pressed at 1795470433.402117: int64 sec, int64 usec, u16 type, u16 code, s32 value.
    private static final byte[] KEY_A_PRESS_64 = HexFormat.ofDelimiter(" ").parseHex(
            "61 b4 04 6b 00 00 00 00 c5 22 06 00 00 00 00 00 01 00 1e 00 01 00 00 00");
    // MSC_SCAN with HID usage 0x70004 at the same time, 32-bit layout: int32 sec, int32 usec.
    private static final byte[] MSC_SCAN_32 = HexFormat.ofDelimiter(" ").parseHex(
            "61 b4 04 6b c5 22 06 00 04 00 04 00 04 00 07 00");
    // A negative time and value, to show which fields are signed: type 2 (EV_REL), value -3.
    private static final byte[] SIGNED_64 = HexFormat.ofDelimiter(" ").parseHex(
            "ff ff ff ff ff ff ff ff 3f 42 0f 00 00 00 00 00 02 00 00 00 fd ff ff ff");

    @Test
    void decodes_a_24_byte_record_field_by_field() {
        assertEquals(List.of(new InputEvent(1795470433L, 402117, InputEvent.EV_KEY, 30, 1)), decode(24, KEY_A_PRESS_64));
    }

    @Test
    void decodes_a_16_byte_record_field_by_field() {
        assertEquals(List.of(new InputEvent(1795470433L, 402117, InputEvent.EV_MSC, InputEvent.MSC_SCAN, 0x70004)),
                decode(16, MSC_SCAN_32));
    }

    @Test
    void times_and_values_are_signed_types_and_codes_are_not() {
        assertEquals(List.of(new InputEvent(-1, 999_999, 2, 0, -3)), decode(24, SIGNED_64));
    }

    @Test
    void joins_a_record_that_arrives_a_byte_at_a_time() {
        // given a decoder
        InputEventDecoder decoder = new InputEventDecoder(24);
        List<InputEvent> events = new ArrayList<>();

        // when a record comes one byte per read
        for (int i = 0; i < KEY_A_PRESS_64.length; i++) {
            assertEquals(i, decoder.pendingBytes());
            decoder.decode(KEY_A_PRESS_64, i, 1, events::add);
        }

        // then it is decoded once, whole, with nothing held back
        assertEquals(List.of(new InputEvent(1795470433L, 402117, InputEvent.EV_KEY, 30, 1)), events);
        assertEquals(0, decoder.pendingBytes());
    }

    @Test
    void accepts_only_the_two_record_sizes_linux_has() {
        assertThrows(IllegalArgumentException.class, () -> new InputEventDecoder(20));
    }

    @Test
    void a_record_the_kernel_could_have_written_is_plausible() {
        assertEquals(Optional.empty(), decode(24, KEY_A_PRESS_64).get(0).implausibility());
        assertEquals(Optional.empty(), decode(16, MSC_SCAN_32).get(0).implausibility());
    }

    @Test
    void impossible_fields_are_called_out() {
        assertTrue(new InputEvent(0, 1_000_000, 0, 0, 0).implausibility().orElseThrow().contains("microseconds"));
        assertTrue(new InputEvent(0, 0, 0xE240, 6, 0).implausibility().orElseThrow().contains("0xe240"));
        assertTrue(new InputEvent(0, 0, InputEvent.EV_KEY, 30, 7).implausibility().isPresent());
        assertTrue(new InputEvent(0, 0, InputEvent.EV_SYN, 9, 0).implausibility().isPresent());
    }

    private static List<InputEvent> decode(int recordSize, byte[] bytes) {
        List<InputEvent> events = new ArrayList<>();
        new InputEventDecoder(recordSize).decode(bytes, 0, bytes.length, events::add);
        return events;
    }
}
