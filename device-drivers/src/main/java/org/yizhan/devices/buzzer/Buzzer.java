package org.yizhan.devices.buzzer;

/**
 * The kiosk's buzzer. {@link #play} starts a pattern and returns at once; a new pattern cuts off the
 * one still sounding. Implementations are safe to call from any thread.
 */
public interface Buzzer {

    void play(BeepPattern pattern);
}
