package org.yizhan.devices.thermometer;

/** The unit a thermometer measured in (flags bit 0). Readings are always given in °C. */
public enum TemperatureUnit {
    CELSIUS,
    FAHRENHEIT
}
