package org.yizhan.devices.light;

/**
 * The kiosk's status light. {@link #show} replaces the current pattern and returns at once; a pattern
 * lasts until the next call. Implementations are safe to call from any thread.
 */
public interface StatusLight {

    void show(LightPattern pattern);
}
