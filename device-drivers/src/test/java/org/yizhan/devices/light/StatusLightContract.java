package org.yizhan.devices.light;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What every status light does, on time that moves only when the test says. */
abstract class StatusLightContract {

    static final Duration BLINK = Duration.ofMillis(500);

    protected final ManualTime time = new ManualTime();
    protected final DeviceStatusBoard board = new DeviceStatusBoard(time);
    protected StatusLight light;

    /** A light with {@link #BLINK}, on {@link #time} and {@link #board}. */
    protected abstract StatusLight createLight();

    /** The lamps lit now, as a visitor would see them. */
    protected abstract Lamps lit();

    @BeforeEach
    void createTheLight() {
        light = createLight();
    }

    @AfterEach
    void closeTheLight() {
        light.close();
    }

    @Test
    void starts_with_the_idle_heartbeat() {
        assertEquals(Lamps.BLUE, lit());
    }

    @Test
    void shows_ok_as_steady_green() {
        // when
        light.show(LightPattern.OK);

        // then green at once, and still green much later
        assertEquals(Lamps.GREEN, lit());
        time.advance(Duration.ofMinutes(1));
        assertEquals(Lamps.GREEN, lit());
    }

    @Test
    void shows_error_as_steady_red() {
        light.show(LightPattern.ERROR);

        assertEquals(Lamps.RED, lit());
        time.advance(Duration.ofMinutes(1));
        assertEquals(Lamps.RED, lit());
    }

    @Test
    void flashes_amber_each_blink_period_for_attention() {
        // when
        light.show(LightPattern.ATTENTION);

        // then amber, dark, amber, one blink period each
        assertEquals(Lamps.AMBER, lit());
        time.advance(BLINK.minusMillis(1));
        assertEquals(Lamps.AMBER, lit());
        time.advanceMillis(1);
        assertEquals(Lamps.DARK, lit());
        time.advance(BLINK);
        assertEquals(Lamps.AMBER, lit());
    }

    @Test
    void idles_with_blue_for_one_blink_period_in_four() {
        // given an idle light seen from another pattern
        light.show(LightPattern.OK);
        light.show(LightPattern.IDLE);

        // then blue, then dark for three periods, then blue again
        assertEquals(Lamps.BLUE, lit());
        time.advance(BLINK);
        assertEquals(Lamps.DARK, lit());
        time.advance(BLINK.multipliedBy(3).minusMillis(1));
        assertEquals(Lamps.DARK, lit());
        time.advanceMillis(1);
        assertEquals(Lamps.BLUE, lit());
    }

    @Test
    void a_new_pattern_replaces_a_blinking_one_at_once_and_for_good() {
        // given attention half-way through its amber phase
        light.show(LightPattern.ATTENTION);
        time.advance(BLINK.dividedBy(2));

        // when the check-in is accepted
        light.show(LightPattern.OK);

        // then green, and the old blink never comes back
        assertEquals(Lamps.GREEN, lit());
        for (int period = 0; period < 6; period++) {
            time.advance(BLINK.dividedBy(2));
            assertEquals(Lamps.GREEN, lit(), "after " + (period + 1) + " half periods");
        }
    }

    @Test
    void close_turns_the_light_off_and_later_patterns_are_ignored() {
        // given
        light.show(LightPattern.ERROR);

        // when
        light.close();
        light.show(LightPattern.OK);
        time.advance(BLINK.multipliedBy(4));

        // then
        assertEquals(Lamps.DARK, lit());
    }

    @Test
    void reports_itself_connected_under_its_name() {
        assertEquals("light", light.name());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        assertEquals("light", board.snapshot().get(0).device());
    }
}
