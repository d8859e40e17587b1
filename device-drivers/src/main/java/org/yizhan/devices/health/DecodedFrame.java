package org.yizhan.devices.health;

/** What {@link Characteristic#decode} makes of one characteristic value: a measurement, or a rejection saying why not. */
public sealed interface DecodedFrame permits Measurement, FrameRejection {
}
