package org.yizhan.devices.buzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;

class SimulatedBuzzerTest extends BuzzerContract {

    @Override
    protected Buzzer createBuzzer() {
        return new SimulatedBuzzer(BEEP, time.time(), board);
    }

    @Override
    protected boolean sounding() {
        return ((SimulatedBuzzer) buzzer).sounding();
    }

    @Test
    void keeps_the_patterns_it_was_asked_to_play_in_order() {
        buzzer.play(BeepPattern.SHORT);
        buzzer.play(BeepPattern.DOUBLE);

        assertEquals(List.of(BeepPattern.SHORT, BeepPattern.DOUBLE), ((SimulatedBuzzer) buzzer).played());
    }

    @Test
    void unplugged_it_is_absent_and_silent_and_replugged_it_is_connected() {
        SimulatedBuzzer simulated = (SimulatedBuzzer) buzzer;

        simulated.unplug();
        simulated.play(BeepPattern.SHORT);

        assertFalse(simulated.sounding());
        assertEquals(DeviceState.ABSENT, board.snapshot().get(0).state());

        simulated.plug();
        simulated.play(BeepPattern.SHORT);

        assertTrue(simulated.sounding());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
    }
}
