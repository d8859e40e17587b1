package org.yizhan.devices.light;

import java.time.Duration;
import java.util.List;
import org.yizhan.devices.gpio.StepPlayer.Step;

/** The lamps of each pattern over time; every pattern loops. */
final class LightSequences {

    private LightSequences() {
    }

    static List<Step<Lamps>> of(LightPattern pattern, Duration blink) {
        return switch (pattern) {
            case IDLE -> List.of(new Step<>(Lamps.BLUE, blink), new Step<>(Lamps.DARK, blink.multipliedBy(3)));
            case OK -> List.of(new Step<>(Lamps.GREEN, blink));
            case ERROR -> List.of(new Step<>(Lamps.RED, blink));
            case ATTENTION -> List.of(new Step<>(Lamps.AMBER, blink), new Step<>(Lamps.DARK, blink));
        };
    }
}
