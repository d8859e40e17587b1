package org.yizhan.devices.light;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;

class SimulatedStatusLightTest extends StatusLightContract {

    @Override
    protected StatusLight createLight() {
        return new SimulatedStatusLight(BLINK, time.time(), board);
    }

    @Override
    protected Lamps lit() {
        return ((SimulatedStatusLight) light).lamps();
    }

    @Test
    void unplugged_it_is_absent_and_dark_and_replugged_it_shows_the_current_pattern() {
        // given
        SimulatedStatusLight simulated = (SimulatedStatusLight) light;
        List<DeviceStatus> published = new ArrayList<>();
        board.subscribe(published::add);

        // when unplugged, and a check-in is accepted meanwhile
        simulated.unplug();
        simulated.show(LightPattern.OK);

        // then absent and dark
        assertEquals(Lamps.DARK, simulated.lamps());
        assertEquals(LightPattern.OK, simulated.current());

        // when plugged back
        simulated.plug();

        // then connected, and green
        assertEquals(Lamps.GREEN, simulated.lamps());
        assertEquals(List.of(DeviceState.ABSENT, DeviceState.CONNECTED),
                published.stream().map(DeviceStatus::state).toList());
        assertEquals("unplugged", published.get(0).lastError());
    }

    @Test
    void the_light_made_without_arguments_remembers_the_pattern() {
        SimulatedStatusLight plain = new SimulatedStatusLight();

        plain.show(LightPattern.ERROR);

        assertEquals(LightPattern.ERROR, plain.current());
        assertEquals(Lamps.RED, plain.lamps());
        plain.close();
    }
}
