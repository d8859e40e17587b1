package org.yizhan.devices.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;

class SimulatedDoorRelayTest extends DoorRelayContract {

    @Override
    protected DoorRelay createDoor() {
        return new SimulatedDoorRelay(OPEN_FOR, time.time(), board);
    }

    @Override
    protected boolean energised() {
        return door.isOpen();
    }

    @Test
    void unplugged_the_door_locks_and_replugged_it_follows_the_open_time_again() {
        // given an open door
        SimulatedDoorRelay simulated = (SimulatedDoorRelay) door;
        simulated.pulse();

        // when the relay is unplugged
        simulated.unplug();

        // then absent and locked
        assertFalse(simulated.isOpen());
        assertEquals(DeviceState.ABSENT, board.snapshot().get(0).state());

        // when plugged back within the open time
        time.advance(Duration.ofSeconds(2));
        simulated.plug();

        // then connected and open for the rest of it
        assertTrue(simulated.isOpen());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        time.advance(Duration.ofSeconds(3));
        assertFalse(simulated.isOpen());
    }
}
