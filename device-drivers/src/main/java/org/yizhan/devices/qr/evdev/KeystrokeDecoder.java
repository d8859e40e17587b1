package org.yizhan.devices.qr.evdev;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.ScanRead;

/**
 * Turns the key events of a keyboard-wedge scanner into codes: each key press types the character the
 * {@link Keymap} gives it with the Shift/AltGr keys then held, and Enter (or keypad Enter) ends the code.
 *
 * <ul>
 *   <li>Only {@code EV_KEY} events count; {@code EV_MSC} scan codes and {@code EV_SYN} reports are
 *       framing. An {@code EV_SYN/SYN_DROPPED} means the kernel lost events, so the code being typed
 *       is refused and the modifiers are taken as released (a scanner releases them after every key).</li>
 *   <li>Autorepeat (value 2) is ignored. A scanner presses and releases every key within milliseconds and
 *       never holds one; the kernel only repeats a key whose release is late (a busy USB hub, a stuck
 *       key), and counting those repeats would type a character twice into a signed pass.</li>
 *   <li>A key with no character in the keymap, one pressed with Ctrl, Alt or Meta held, or an AltGr
 *       combination the layout lacks, makes the whole code refused with a reason at Enter: never a
 *       code with a character silently missing.</li>
 *   <li>A code that passes {@link #LIMIT_BYTES} (UTF-8) without Enter is refused at once and the rest of
 *       it, up to the next Enter, discarded: memory stays bounded when Enter never comes.</li>
 * </ul>
 * Every Enter yields exactly one read (an Enter alone yields an empty code, which the filter refuses),
 * except the Enter ending a code already refused for its length.
 *
 * <p>Threading: one thread at a time.
 */
public final class KeystrokeDecoder {

    /** The filter's limit plus a margin, so a code slightly too long still gets the filter's exact reason. */
    public static final int LIMIT_BYTES = ScanFilter.MAX_BYTES + 256;

    private static final Map<Integer, String> KEY_NAMES = Map.ofEntries(
            Map.entry(1, "KEY_ESC"), Map.entry(14, "KEY_BACKSPACE"), Map.entry(15, "KEY_TAB"),
            Map.entry(58, "KEY_CAPSLOCK"), Map.entry(69, "KEY_NUMLOCK"), Map.entry(70, "KEY_SCROLLLOCK"),
            Map.entry(102, "KEY_HOME"), Map.entry(103, "KEY_UP"), Map.entry(105, "KEY_LEFT"),
            Map.entry(106, "KEY_RIGHT"), Map.entry(108, "KEY_DOWN"), Map.entry(111, "KEY_DELETE"));

    private final Keymap keymap;

    private boolean leftShift;
    private boolean rightShift;
    private boolean altGr;
    private int commandModifiersHeld;

    private final StringBuilder code = new StringBuilder();
    private int codeBytes;
    private String refusal;
    private boolean overflowing;

    public KeystrokeDecoder(Keymap keymap) {
        this.keymap = Objects.requireNonNull(keymap, "keymap");
    }

    /** Takes the next event; returns a read when this event ended a code (or made it too long). */
    public Optional<ScanRead> accept(InputEvent event) {
        if (event.type() == InputEvent.EV_SYN && event.code() == InputEvent.SYN_DROPPED) {
            refuse("the kernel dropped input events (SYN_DROPPED) while the code was typed");
            leftShift = rightShift = altGr = false;
            commandModifiersHeld = 0;
            return Optional.empty();
        }
        if (event.type() != InputEvent.EV_KEY || event.value() == InputEvent.KEY_AUTOREPEAT) {
            return Optional.empty();
        }
        boolean pressed = event.value() == InputEvent.KEY_PRESS;
        int key = event.code();
        if (key == Keymap.KEY_LEFTSHIFT) {
            leftShift = pressed;
        } else if (key == Keymap.KEY_RIGHTSHIFT) {
            rightShift = pressed;
        } else if (key == Keymap.KEY_RIGHTALT) {
            altGr = pressed;
        } else if (Keymap.COMMAND_MODIFIERS.contains(key)) {
            commandModifiersHeld = Math.max(0, commandModifiersHeld + (pressed ? 1 : -1));
        } else if (pressed && (key == Keymap.KEY_ENTER || key == Keymap.KEY_KPENTER)) {
            return endCode();
        } else if (pressed) {
            return type(key);
        }
        return Optional.empty();
    }

    /** The input ended: a code begun and not ended by Enter, as a refusal; else empty. */
    public Optional<ScanRead> end() {
        boolean begun = code.length() > 0 || refusal != null;
        boolean wasOverflowing = overflowing;
        int typed = code.length();
        reset();
        if (!begun || wasOverflowing) {
            return Optional.empty();
        }
        return Optional.of(new ScanRead.Unreadable(
                "the scanner stopped before Enter, after " + typed + " characters"));
    }

    private Optional<ScanRead> type(int key) {
        if (overflowing) {
            return Optional.empty();
        }
        int position = code.length();
        if (commandModifiersHeld > 0) {
            refuse("key " + describe(key) + " pressed with Ctrl, Alt or Meta held at position " + position);
        }
        Optional<Character> typed = keymap.character(key, leftShift || rightShift, altGr);
        if (typed.isEmpty()) {
            refuse("key " + describe(key) + (altGr ? " with AltGr" : "") + " has no character in keymap "
                    + keymap.name() + " (at position " + position + ")");
            return Optional.empty();
        }
        char c = typed.get();
        code.append(c);
        codeBytes += String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
        if (codeBytes > LIMIT_BYTES) {
            overflowing = true;
            code.setLength(0);
            return Optional.of(new ScanRead.Unreadable("no Enter within " + LIMIT_BYTES
                    + " bytes: the code is discarded up to the next Enter"));
        }
        return Optional.empty();
    }

    private Optional<ScanRead> endCode() {
        boolean wasOverflowing = overflowing;
        String text = code.toString();
        String reason = refusal;
        reset();
        if (wasOverflowing) {
            return Optional.empty();
        }
        return Optional.of(reason != null ? new ScanRead.Unreadable(reason) : new ScanRead.Code(text));
    }

    /** Keeps the first problem of a code: the one a support engineer should look at. */
    private void refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
    }

    private void reset() {
        code.setLength(0);
        codeBytes = 0;
        refusal = null;
        overflowing = false;
    }

    private static String describe(int key) {
        String name = KEY_NAMES.get(key);
        return name == null ? String.valueOf(key) : key + " (" + name + ")";
    }
}
