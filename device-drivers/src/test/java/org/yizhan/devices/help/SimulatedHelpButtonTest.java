package org.yizhan.devices.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;

class SimulatedHelpButtonTest extends HelpButtonContract {

    @Override
    protected HelpButton createButton() {
        return new SimulatedHelpButton(true, DEBOUNCE, LONG_PRESS, time.time(), board);
    }

    @Override
    protected void line(boolean high) {
        ((SimulatedHelpButton) button).level(high);
    }

    @Test
    void unplugged_while_held_it_is_absent_and_reports_no_press() {
        // given
        SimulatedHelpButton simulated = (SimulatedHelpButton) button;
        simulated.low();
        time.advanceMillis(500);

        // when
        simulated.unplug();
        time.advance(Duration.ofSeconds(5));

        // then
        assertEquals(List.of(), heard);
        assertEquals(DeviceState.ABSENT, board.snapshot().get(0).state());

        // when plugged back and pressed
        simulated.plug();
        simulated.low();
        time.advanceMillis(100);
        simulated.high();
        time.advanceMillis(100);

        // then
        assertEquals(1, heard.size());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
    }
}
