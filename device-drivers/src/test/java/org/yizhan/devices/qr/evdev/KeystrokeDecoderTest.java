package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.ScanRead;

class KeystrokeDecoderTest {

    private static final int PRESS = 1;
    private static final int RELEASE = 0;
    private static final int REPEAT = 2;
    private static final int KEY_A = 30;
    private static final int KEY_B = 48;
    private static final int KEY_Q = 16;
    private static final int KEY_TAB = 15;
    private static final int KEY_LEFTCTRL = 29;

    private final KeystrokeDecoder us = new KeystrokeDecoder(Keymap.us());
    private final List<ScanRead> reads = new ArrayList<>();

    @Test
    void types_with_either_shift_key_and_ends_at_enter() {
        // when a, Left Shift + a, Right Shift + b and Enter are typed
        tap(us, KEY_A);
        key(us, Keymap.KEY_LEFTSHIFT, PRESS);
        tap(us, KEY_A);
        key(us, Keymap.KEY_LEFTSHIFT, RELEASE);
        key(us, Keymap.KEY_RIGHTSHIFT, PRESS);
        tap(us, KEY_B);
        key(us, Keymap.KEY_RIGHTSHIFT, RELEASE);
        tap(us, Keymap.KEY_ENTER);

        // then one code, with Shift applied exactly where it was held
        assertEquals(List.of(new ScanRead.Code("aAB")), reads);
    }

    @Test
    void keypad_enter_ends_a_code_too() {
        tap(us, KEY_A);
        tap(us, Keymap.KEY_KPENTER);

        assertEquals(List.of(new ScanRead.Code("a")), reads);
    }

    @Test
    void autorepeat_types_nothing() {
        // given a key whose release came late, so the kernel repeated it
        key(us, KEY_A, PRESS);
        key(us, KEY_A, REPEAT);
        key(us, KEY_A, REPEAT);
        key(us, KEY_A, RELEASE);
        tap(us, Keymap.KEY_ENTER);

        // then it typed once
        assertEquals(List.of(new ScanRead.Code("a")), reads);
    }

    @Test
    void a_shift_held_long_enough_to_repeat_stays_held() {
        // given Shift pressed, then repeated by the kernel while the scanner types under it
        key(us, Keymap.KEY_LEFTSHIFT, PRESS);
        key(us, Keymap.KEY_LEFTSHIFT, REPEAT);
        tap(us, KEY_A);
        key(us, Keymap.KEY_LEFTSHIFT, REPEAT);
        tap(us, KEY_B);
        key(us, Keymap.KEY_LEFTSHIFT, RELEASE);
        tap(us, Keymap.KEY_ENTER);

        // then both letters are upper case
        assertEquals(List.of(new ScanRead.Code("AB")), reads);
    }

    @Test
    void a_key_without_a_character_refuses_the_whole_code_naming_the_key() {
        // when a Tab is typed amid a code
        tap(us, KEY_A);
        tap(us, KEY_TAB);
        tap(us, KEY_B);
        tap(us, Keymap.KEY_ENTER);

        // then the code is refused at Enter, not delivered as "ab"
        ScanRead.Unreadable refused = assertInstanceOf(ScanRead.Unreadable.class, single());
        assertTrue(refused.reason().contains("15 (KEY_TAB)") && refused.reason().contains("position 1"),
                refused.reason());
    }

    @Test
    void a_key_pressed_with_ctrl_held_refuses_the_code() {
        key(us, KEY_LEFTCTRL, PRESS);
        tap(us, KEY_A);
        key(us, KEY_LEFTCTRL, RELEASE);
        tap(us, Keymap.KEY_ENTER);

        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, single()).reason().contains("Ctrl"));
    }

    @Test
    void altgr_types_the_third_character_of_a_layout_that_has_one() {
        // given the German layout, where AltGr + Q is @
        KeystrokeDecoder de = new KeystrokeDecoder(Keymap.de());

        // when AltGr + Q, then Q, then Enter are typed
        key(de, Keymap.KEY_RIGHTALT, PRESS);
        tap(de, KEY_Q);
        key(de, Keymap.KEY_RIGHTALT, RELEASE);
        tap(de, KEY_Q);
        tap(de, Keymap.KEY_ENTER);

        assertEquals(List.of(new ScanRead.Code("@q")), reads);
    }

    @Test
    void altgr_on_a_key_without_a_third_character_refuses_the_code() {
        key(us, Keymap.KEY_RIGHTALT, PRESS);
        tap(us, KEY_A);
        key(us, Keymap.KEY_RIGHTALT, RELEASE);
        tap(us, Keymap.KEY_ENTER);

        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, single()).reason().contains("AltGr"));
    }

    @Test
    void a_code_with_no_enter_is_refused_as_soon_as_it_is_too_long_and_the_next_code_is_read() {
        // when more characters than the limit are typed without Enter
        for (int i = 0; i <= KeystrokeDecoder.LIMIT_BYTES; i++) {
            tap(us, KEY_A);
        }

        // then it is refused at once, before any Enter
        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, single()).reason().contains("no Enter"));

        // when the rest of it, its Enter, and a next code follow
        tap(us, KEY_A);
        tap(us, Keymap.KEY_ENTER);
        tap(us, KEY_B);
        tap(us, Keymap.KEY_ENTER);

        // then the rest is discarded silently and the next code is whole
        assertEquals(new ScanRead.Code("b"), reads.get(1));
        assertEquals(2, reads.size());
    }

    @Test
    void a_code_at_the_limit_goes_to_the_filter_whole() {
        for (int i = 0; i < KeystrokeDecoder.LIMIT_BYTES; i++) {
            tap(us, KEY_A);
        }
        tap(us, Keymap.KEY_ENTER);

        assertEquals(new ScanRead.Code("a".repeat(KeystrokeDecoder.LIMIT_BYTES)), single());
    }

    @Test
    void a_code_cut_off_by_the_end_of_input_is_refused() {
        tap(us, KEY_A);

        Optional<ScanRead> end = us.end();

        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, end.orElseThrow()).reason().contains("before Enter"));
    }

    @Test
    void input_that_ends_between_codes_leaves_nothing() {
        tap(us, KEY_A);
        tap(us, Keymap.KEY_ENTER);

        assertEquals(Optional.empty(), us.end());
    }

    @Test
    void events_dropped_by_the_kernel_refuse_the_code_being_typed() {
        // given Shift held when the kernel's buffer overflowed (its release may be among the lost events)
        key(us, Keymap.KEY_LEFTSHIFT, PRESS);
        tap(us, KEY_A);
        us.accept(new InputEvent(0, 0, InputEvent.EV_SYN, InputEvent.SYN_DROPPED, 0));
        tap(us, Keymap.KEY_ENTER);

        // when the next code is typed without Shift
        tap(us, KEY_A);
        tap(us, Keymap.KEY_ENTER);

        // then the damaged code was refused and Shift is not stuck
        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, reads.get(0)).reason().contains("SYN_DROPPED"));
        assertEquals(new ScanRead.Code("a"), reads.get(1));
    }

    @Test
    void an_enter_alone_is_an_empty_code_for_the_filter_to_refuse() {
        tap(us, Keymap.KEY_ENTER);

        assertEquals(new ScanRead.Code(""), single());
    }

    private ScanRead single() {
        assertEquals(1, reads.size(), reads.toString());
        return reads.get(0);
    }

    private void tap(KeystrokeDecoder decoder, int code) {
        key(decoder, code, PRESS);
        key(decoder, code, RELEASE);
    }

    private void key(KeystrokeDecoder decoder, int code, int value) {
        // Each key event framed as the kernel frames it, so the framing is shown to be ignored.
        decoder.accept(new InputEvent(0, 0, InputEvent.EV_MSC, InputEvent.MSC_SCAN, 0x70000 + code)).ifPresent(reads::add);
        decoder.accept(new InputEvent(0, 0, InputEvent.EV_KEY, code, value)).ifPresent(reads::add);
        decoder.accept(new InputEvent(0, 0, InputEvent.EV_SYN, InputEvent.SYN_REPORT, 0)).ifPresent(reads::add);
    }
}
