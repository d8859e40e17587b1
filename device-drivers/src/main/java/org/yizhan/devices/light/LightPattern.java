package org.yizhan.devices.light;

/**
 * What the status light tells a visitor from across the room, as shown on the RGB LED ({@link Lamps});
 * blinks follow the blink period {@code gpio.light.blink}.
 */
public enum LightPattern {
    /** Waiting for a visitor: a blue heartbeat, on for one blink period in four. It stops if the kiosk hangs. */
    IDLE,
    /** Accepted: steady green. */
    OK,
    /** Refused or failed: steady red. */
    ERROR,
    /** Needs a person (help requested, crisis reading): amber, flashing on and off each blink period. */
    ATTENTION
}
