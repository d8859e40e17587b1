package org.yizhan.devices.gpio;

import java.util.Objects;
import java.util.Optional;

/**
 * The three colour lines of an RGB status LED. Red and green are required (amber is both); without blue,
 * the idle heartbeat is dark.
 */
public record LightPins(OutputPin red, OutputPin green, Optional<OutputPin> blue) {

    public LightPins {
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(green, "green");
        Objects.requireNonNull(blue, "blue");
    }
}
