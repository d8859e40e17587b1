package org.yizhan.devices.light;

/** What the status light tells a visitor from across the room. */
public enum LightPattern {
    /** Waiting for a visitor: a slow, dim breathing. */
    IDLE,
    /** Accepted: steady green. */
    OK,
    /** Refused or failed: steady red. */
    ERROR,
    /** Needs a person: flashing amber (help requested, crisis reading). */
    ATTENTION
}
