package org.yizhan.devices.bloodpressure;

/** The unit a cuff measured in (flags bit 0 of its characteristics). Readings are always given in mmHg. */
public enum PressureUnit {
    MMHG,
    KPA
}
