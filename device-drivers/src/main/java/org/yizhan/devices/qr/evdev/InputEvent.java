package org.yizhan.devices.qr.evdev;

import java.util.Optional;

/**
 * One Linux {@code struct input_event}: a timestamp, a type ({@code EV_KEY}, {@code EV_SYN}, …), a code
 * within the type (a key code for {@code EV_KEY}) and a value (for keys: 0 release, 1 press, 2
 * autorepeat). Constants are those of {@code linux/input-event-codes.h}.
 *
 * @param seconds      the timestamp's whole seconds
 * @param microseconds the timestamp's microseconds, 0–999 999 in a well-formed record
 */
public record InputEvent(long seconds, long microseconds, int type, int code, int value) {

    public static final int EV_SYN = 0x00;
    public static final int EV_KEY = 0x01;
    public static final int EV_MSC = 0x04;
    public static final int EV_MAX = 0x1f;

    public static final int SYN_REPORT = 0;
    public static final int SYN_DROPPED = 3;
    public static final int MSC_SCAN = 4;

    public static final int KEY_MAX = 0x2ff;
    public static final int KEY_RELEASE = 0;
    public static final int KEY_PRESS = 1;
    public static final int KEY_AUTOREPEAT = 2;

    /**
     * Why this cannot be a record the kernel wrote, if it cannot: the sign that the stream is read with
     * the wrong record size, since every field then straddles the wrong bytes. Empty when plausible.
     */
    public Optional<String> implausibility() {
        if (microseconds < 0 || microseconds > 999_999) {
            return Optional.of("microseconds " + microseconds + " out of range");
        }
        if (type > EV_MAX) {
            return Optional.of(String.format("unknown event type 0x%x", type));
        }
        if (type == EV_SYN && code > SYN_DROPPED) {
            return Optional.of("unknown EV_SYN code " + code);
        }
        if (type == EV_KEY && (code > KEY_MAX || value < KEY_RELEASE || value > KEY_AUTOREPEAT)) {
            return Optional.of("EV_KEY with code " + code + " and value " + value);
        }
        return Optional.empty();
    }
}
