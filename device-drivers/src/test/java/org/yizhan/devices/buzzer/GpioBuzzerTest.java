package org.yizhan.devices.buzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.status.DeviceState;

class GpioBuzzerTest extends BuzzerContract {

    private final MockGpio gpio = new MockGpio();
    private MockDigitalOutput line;

    @Override
    protected Buzzer createBuzzer() {
        GpioBuzzer created = new GpioBuzzer(new OutputPin("gpio.buzzer", 18, false), BEEP, gpio.lines(),
                time.time(), board);
        line = gpio.output("gpio.buzzer");
        return created;
    }

    @Override
    protected boolean sounding() {
        return line.isHigh();
    }

    @AfterEach
    void shutDownPi4j() {
        gpio.close();
    }

    @Test
    void an_active_low_buzzer_sounds_while_its_line_is_low() {
        // given
        buzzer.close();
        GpioBuzzer low = new GpioBuzzer(new OutputPin("gpio.buzzer", 18, true), BEEP, gpio.lines(), time.time(),
                board);
        MockDigitalOutput output = gpio.output("gpio.buzzer");
        assertEquals(DigitalState.HIGH, output.state());

        // when
        low.play(BeepPattern.SHORT);

        // then low while sounding, high after
        assertEquals(DigitalState.LOW, output.state());
        time.advance(BEEP);
        assertEquals(DigitalState.HIGH, output.state());
        low.close();
    }

    @Test
    void is_absent_while_its_pin_is_taken_and_connected_once_freed() {
        // given
        buzzer.close();
        gpio.occupy("other-process", 18);
        GpioBuzzer waiting = new GpioBuzzer(new OutputPin("gpio.buzzer", 18, false), BEEP, gpio.lines(),
                time.time(), board);

        // then
        assertEquals(DeviceState.ABSENT, board.snapshot().get(0).state());
        assertTrue(board.snapshot().get(0).lastError().contains("address 18 already exists"),
                board.snapshot().get(0).lastError());

        // when
        gpio.free("other-process");
        time.advance(MockGpio.RETRY);

        // then
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        waiting.close();
    }
}
