package org.yizhan.devices.buzzer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yizhan.devices.gpio.StepPlayer.Step;

/** Each pattern as buzzer on/off steps; none loops, so every one ends silent. */
final class BeepSequences {

    private static final int ATTENTION_TONES = 3;

    private BeepSequences() {
    }

    static List<Step<Boolean>> of(BeepPattern pattern, Duration beep) {
        return switch (pattern) {
            case SHORT -> List.of(new Step<>(true, beep));
            case DOUBLE -> List.of(new Step<>(true, beep), new Step<>(false, beep), new Step<>(true, beep));
            case ATTENTION -> attention(beep);
        };
    }

    private static List<Step<Boolean>> attention(Duration beep) {
        List<Step<Boolean>> steps = new ArrayList<>();
        for (int tone = 0; tone < ATTENTION_TONES; tone++) {
            if (tone > 0) {
                steps.add(new Step<>(false, beep.multipliedBy(3)));
            }
            steps.add(new Step<>(true, beep.multipliedBy(5)));
        }
        return steps;
    }
}
