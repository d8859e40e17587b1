package org.yizhan.devices.buzzer;

/** Sounds a visitor learns to recognise without looking at the screen. */
public enum BeepPattern {
    /** Accepted: one short beep. */
    SHORT,
    /** Refused: two short beeps. */
    DOUBLE,
    /** Needs a person: a repeating long tone. */
    ATTENTION
}
