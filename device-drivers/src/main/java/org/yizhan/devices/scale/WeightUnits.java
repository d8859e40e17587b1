package org.yizhan.devices.scale;

/** The units a scale measured in (flags bit 0): SI (kg, m) or imperial (lb, in). Readings are always in kg and m. */
public enum WeightUnits {
    SI,
    IMPERIAL
}
