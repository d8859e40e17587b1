package org.yizhan.devices.buzzer;

/**
 * Sounds a visitor learns to recognise without looking at the screen, timed from one short beep
 * ({@code gpio.buzzer.beep}, 120 ms by default).
 */
public enum BeepPattern {
    /** Accepted: one short beep. */
    SHORT,
    /** Refused: two short beeps, a beep's length apart. */
    DOUBLE,
    /** Needs a person: three long tones of five beeps each, three beeps apart. */
    ATTENTION
}
