package org.yizhan.devices.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What every door relay does, on time that moves only when the test says. */
abstract class DoorRelayContract {

    static final Duration OPEN_FOR = Duration.ofSeconds(5);

    protected final ManualTime time = new ManualTime();
    protected final DeviceStatusBoard board = new DeviceStatusBoard(time);
    protected DoorRelay door;

    /** A relay opening for {@link #OPEN_FOR}, on {@link #time} and {@link #board}. */
    protected abstract DoorRelay createDoor();

    /** Whether the relay coil is energised now: the lock released. */
    protected abstract boolean energised();

    @BeforeEach
    void createTheDoor() {
        door = createDoor();
    }

    @AfterEach
    void closeTheDoor() {
        door.close();
    }

    private void assertOpen(boolean open, String when) {
        assertEquals(open, energised(), "relay " + when);
        assertEquals(open, door.isOpen(), "isOpen " + when);
    }

    @Test
    void starts_locked() {
        assertOpen(false, "at start");
    }

    @Test
    void a_pulse_opens_the_door_and_locks_it_after_the_open_time() {
        // when
        door.pulse();

        // then open at once, until exactly the open time has passed
        assertOpen(true, "at once");
        time.advance(OPEN_FOR.minusMillis(1));
        assertOpen(true, "just before the end");
        time.advanceMillis(1);
        assertOpen(false, "at the end");
    }

    @Test
    void a_second_pulse_while_open_extends_the_open_time_without_adding_up() {
        // given a door opened 3 s ago
        door.pulse();
        time.advance(Duration.ofSeconds(3));

        // when the next rider scans
        door.pulse();

        // then it stays open until 5 s after the second pulse (8 s), not 10 s
        time.advance(Duration.ofSeconds(5).minusMillis(1));
        assertOpen(true, "7.999 s after the first pulse");
        time.advanceMillis(1);
        assertOpen(false, "8 s after the first pulse");
    }

    @Test
    void a_shorter_pulse_never_cuts_an_open_time_short() {
        // given
        door.pulse();
        time.advance(Duration.ofSeconds(1));

        // when
        door.pulse(Duration.ofSeconds(1));

        // then the first pulse's end still holds
        time.advance(Duration.ofSeconds(4).minusMillis(1));
        assertOpen(true, "before the first pulse's end");
        time.advanceMillis(1);
        assertOpen(false, "at the first pulse's end");
    }

    @Test
    void the_door_opens_again_after_it_has_locked() {
        door.pulse();
        time.advance(OPEN_FOR);

        door.pulse(Duration.ofSeconds(2));

        assertOpen(true, "after the second pulse");
        time.advance(Duration.ofSeconds(2));
        assertOpen(false, "after the second open time");
    }

    @Test
    void close_locks_an_open_door_and_later_pulses_do_nothing() {
        // given
        door.pulse();

        // when
        door.close();
        door.pulse();

        // then
        assertOpen(false, "after close");
        time.advance(OPEN_FOR);
        assertOpen(false, "after the open time");
    }

    @Test
    void refuses_a_pulse_of_no_time() {
        assertThrows(IllegalArgumentException.class, () -> door.pulse(Duration.ZERO));
        assertFalse(energised());
    }

    @Test
    void reports_itself_connected_under_its_name() {
        assertEquals("door", door.name());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        assertTrue(board.snapshot().stream().allMatch(status -> status.device().equals("door")));
    }
}
