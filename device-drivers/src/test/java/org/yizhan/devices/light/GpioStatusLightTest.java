package org.yizhan.devices.light;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.LightPins;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;

class GpioStatusLightTest extends StatusLightContract {

    private static final LightPins RGB = new LightPins(new OutputPin("gpio.light.red", 17, false),
            new OutputPin("gpio.light.green", 27, false), Optional.of(new OutputPin("gpio.light.blue", 22, false)));

    private final MockGpio gpio = new MockGpio();
    private MockDigitalOutput red;
    private MockDigitalOutput green;
    private MockDigitalOutput blue;

    @Override
    protected StatusLight createLight() {
        GpioStatusLight created = new GpioStatusLight(RGB, BLINK, gpio.lines(), time.time(), board);
        // Kept past close: Pi4J drops released lines from its registry after setting them to rest.
        red = gpio.output("gpio.light.red");
        green = gpio.output("gpio.light.green");
        blue = gpio.output("gpio.light.blue");
        return created;
    }

    @Override
    protected Lamps lit() {
        return new Lamps(red.isHigh(), green.isHigh(), blue.isHigh());
    }

    @AfterEach
    void shutDownPi4j() {
        gpio.close();
    }

    @Test
    void drives_a_common_anode_led_low_to_light_a_colour() {
        // given a common-anode LED: each colour lit while its line is low
        LightPins anode = new LightPins(new OutputPin("gpio.light.red", 5, true),
                new OutputPin("gpio.light.green", 6, true), Optional.empty());
        light.close();
        GpioStatusLight common = new GpioStatusLight(anode, BLINK, gpio.lines(), time.time(), board);

        // when
        common.show(LightPattern.ERROR);

        // then red low (lit), green high (dark)
        assertEquals(DigitalState.LOW, gpio.output("gpio.light.red").state());
        assertEquals(DigitalState.HIGH, gpio.output("gpio.light.green").state());
        common.close();
    }

    @Test
    void releases_its_lines_on_close() {
        light.close();

        assertFalse(gpio.claimed("gpio.light.red"));
        assertFalse(gpio.claimed("gpio.light.green"));
        assertFalse(gpio.claimed("gpio.light.blue"));
    }

    @Test
    void is_absent_while_a_pin_is_taken_and_lights_up_once_it_is_freed() {
        // given the green pin held by another owner when the light starts
        light.close();
        gpio.occupy("other-process", 27);
        GpioStatusLight waiting = new GpioStatusLight(RGB, BLINK, gpio.lines(), time.time(), board);
        waiting.show(LightPattern.OK);

        // then absent, naming the pin, and no colour claimed on its own
        DeviceStatus status = board.snapshot().get(0);
        assertEquals(DeviceState.ABSENT, status.state());
        assertTrue(status.lastError().startsWith("gpio.light.green (BCM 27) could not be claimed: "),
                status.lastError());
        assertFalse(gpio.claimed("gpio.light.red"));

        // when the pin is freed and the retry interval passes
        gpio.free("other-process");
        time.advance(MockGpio.RETRY);

        // then connected, showing the pattern asked for meanwhile
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        assertTrue(gpio.output("gpio.light.green").isHigh());
        assertTrue(gpio.output("gpio.light.red").isLow());
        waiting.close();
    }
}
