package org.yizhan.devices.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.InputPin;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.Pull;
import org.yizhan.devices.status.DeviceState;

class GpioHelpButtonTest extends HelpButtonContract {

    private static final InputPin BUTTON = new InputPin("gpio.help", 25, true, Pull.UP);

    private final MockGpio gpio = new MockGpio();

    @Override
    protected HelpButton createButton() {
        return new GpioHelpButton(BUTTON, DEBOUNCE, LONG_PRESS, gpio.lines(), time.time(), board);
    }

    @Override
    protected void line(boolean high) {
        if (gpio.claimed("gpio.help")) {
            gpio.level("gpio.help", high);
        }
    }

    @AfterEach
    void shutDownPi4j() {
        gpio.close();
    }

    @Test
    void claims_its_line_with_the_pull_up() {
        assertEquals(PullResistance.PULL_UP, gpio.input("gpio.help").pull());
    }

    @Test
    void a_button_held_when_the_kiosk_starts_reports_nothing_until_pressed_again() {
        // given a button whose line reads low (held) when claimed: the mock line starts low
        button.close();
        List<String> seen = new ArrayList<>();
        GpioHelpButton held = new GpioHelpButton(BUTTON, DEBOUNCE, LONG_PRESS, gpio.lines(), time.time(), board);
        held.start(new HelpButtonListener() {
            @Override
            public void pressed(Instant at) {
                seen.add("pressed");
            }

            @Override
            public void longPressed(Instant at) {
                seen.add("long");
            }
        });

        // when held past the long-press time and let go
        time.advance(LONG_PRESS.plusSeconds(1));
        gpio.level("gpio.help", true);
        time.advance(Duration.ofSeconds(1));

        // then nothing
        assertEquals(List.of(), seen);

        // when pressed again
        gpio.level("gpio.help", false);
        time.advanceMillis(200);
        gpio.level("gpio.help", true);
        time.advanceMillis(200);

        // then one press
        assertEquals(List.of("pressed"), seen);
        held.close();
    }

    @Test
    void a_line_stuck_low_from_the_start_is_reported_degraded() {
        // given a button configured active-low whose line never leaves low (shorted, or wrong polarity)
        button.close();
        GpioHelpButton stuck = new GpioHelpButton(BUTTON, DEBOUNCE, LONG_PRESS, gpio.lines(), time.time(), board);

        // when a minute passes
        time.advance(Duration.ofMinutes(1));

        // then
        assertEquals(DeviceState.DEGRADED, board.snapshot().get(0).state());
        stuck.close();
    }

    @Test
    void releases_its_line_on_close() {
        button.close();

        assertFalse(gpio.claimed("gpio.help"));
    }
}
