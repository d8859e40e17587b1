package org.yizhan.devices.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.InputPin;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.Pull;

class GpioEntrySensorTest extends EntrySensorContract {

    private final MockGpio gpio = new MockGpio();

    @Override
    protected EntrySensor createSensor() {
        return new GpioEntrySensor(new InputPin("gpio.entry", 24, false, Pull.DOWN), DEBOUNCE, gpio.lines(),
                time.time(), board);
    }

    @Override
    protected void line(boolean high) {
        // A released line is gone from Pi4J's registry, and the wire goes on changing for nobody.
        if (gpio.claimed("gpio.entry")) {
            gpio.level("gpio.entry", high);
        }
    }

    @AfterEach
    void shutDownPi4j() {
        gpio.close();
    }

    @Test
    void claims_its_line_with_the_configured_pull() {
        assertEquals(PullResistance.PULL_DOWN, gpio.input("gpio.entry").pull());
    }

    @Test
    void a_beam_that_is_broken_when_the_kiosk_starts_is_not_an_entry() {
        // given an active-low beam whose line reads low (broken) when claimed: the mock line starts low
        sensor.close();
        GpioEntrySensor beam = new GpioEntrySensor(new InputPin("gpio.entry", 24, true, Pull.UP), DEBOUNCE,
                gpio.lines(), time.time(), board);
        beam.start(entered::add);
        time.advance(Duration.ofSeconds(1));
        assertEquals(0, beam.entries());

        // when the beam is restored, then broken by someone
        gpio.level("gpio.entry", true);
        time.advanceMillis(500);
        gpio.level("gpio.entry", false);
        time.advanceMillis(500);

        // then one entry
        assertEquals(1, beam.entries());
        beam.close();
    }

    @Test
    void releases_its_line_on_close() {
        sensor.close();

        assertFalse(gpio.claimed("gpio.entry"));
    }
}
