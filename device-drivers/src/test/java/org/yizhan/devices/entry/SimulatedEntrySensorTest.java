package org.yizhan.devices.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;

class SimulatedEntrySensorTest extends EntrySensorContract {

    @Override
    protected EntrySensor createSensor() {
        return new SimulatedEntrySensor(false, DEBOUNCE, time.time(), board);
    }

    @Override
    protected void line(boolean high) {
        ((SimulatedEntrySensor) sensor).level(high);
    }

    @Test
    void a_beam_wired_active_low_counts_when_its_line_goes_low() {
        // given an IR beam receiver: low while the beam is broken
        SimulatedEntrySensor beam = new SimulatedEntrySensor(true, DEBOUNCE, time.time(), board);
        List<Object> seen = new ArrayList<>();
        beam.start(seen::add);

        // when someone walks through
        beam.low();
        time.advanceMillis(300);
        beam.high();
        time.advanceMillis(300);

        // then one entry
        assertEquals(1, beam.entries());
        assertEquals(1, seen.size());
        beam.close();
    }

    @Test
    void unplugged_it_is_absent_and_ignores_levels_until_plugged() {
        // given
        SimulatedEntrySensor simulated = (SimulatedEntrySensor) sensor;
        List<DeviceStatus> published = new ArrayList<>();
        board.subscribe(published::add);

        // when unplugged while someone stands in the beam, and levels come meanwhile
        simulated.high();
        simulated.unplug();
        time.advance(Duration.ofSeconds(1));
        simulated.low();
        simulated.high();
        time.advance(Duration.ofSeconds(1));

        // then nothing is counted
        assertEquals(0, simulated.entries());

        // when plugged back and someone comes in
        simulated.plug();
        simulated.high();
        time.advance(Duration.ofSeconds(1));

        // then
        assertEquals(1, simulated.entries());
        assertEquals(List.of(DeviceState.ABSENT, DeviceState.CONNECTED),
                published.stream().map(DeviceStatus::state).toList());
    }
}
