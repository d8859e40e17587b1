package org.yizhan.devices.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.help.HelpButtonListener;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class SimulatedGpioTest {

    private final ManualTime time = new ManualTime();
    private final DeviceStatusBoard board = new DeviceStatusBoard(time);
    private final SimulatedGpio gpio = new SimulatedGpio(
            GpioConfig.parse(Map.of("gpio.door.open-for", "3s", "gpio.help.long-press", "2s")), board, time.time());

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void gpio_entry_high_counts_an_entry_after_the_debounce_window() {
        // given
        List<Instant> entered = new ArrayList<>();
        gpio.entry().start(entered::add);

        // when: gpio entry high, then time passes
        gpio.level("entry", true);
        time.advance(Duration.ofMillis(50));

        // then
        assertEquals(1, gpio.entry().entries());
        assertEquals(1, entered.size());
    }

    @Test
    void gpio_help_low_presses_a_button_wired_to_ground_with_the_configured_long_press() {
        // given
        List<String> heard = new ArrayList<>();
        gpio.help().start(new HelpButtonListener() {
            @Override
            public void pressed(Instant at) {
                heard.add("pressed");
            }

            @Override
            public void longPressed(Instant at) {
                heard.add("long");
            }
        });

        // when: gpio help low, held for the configured 2 s
        gpio.level("help", false);
        time.advance(Duration.ofSeconds(2));

        // then
        assertEquals(List.of("long"), heard);
    }

    @Test
    void the_door_opens_for_the_configured_time() {
        gpio.door().pulse();
        time.advance(Duration.ofSeconds(3).minusMillis(1));
        assertTrue(gpio.door().isOpen());

        time.advanceMillis(1);

        assertFalse(gpio.door().isOpen());
    }

    @Test
    void an_unknown_input_is_refused_with_the_names_it_knows() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> gpio.level("door", true));

        assertEquals("no simulated GPIO input called 'door'; inputs: entry, help", error.getMessage());
    }

    @Test
    void an_unknown_device_is_refused_with_the_names_it_knows() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> gpio.unplug("scanner"));

        assertTrue(error.getMessage().endsWith("devices: light, buzzer, door, entry, help"), error.getMessage());
    }

    @Test
    void unplug_and_plug_of_each_device_publish_absent_then_connected() {
        // given
        List<String> published = new ArrayList<>();
        board.subscribe((DeviceStatus status) -> published.add(status.device() + " " + status.state().code()));

        // when
        for (String device : gpio.devices()) {
            gpio.unplug(device);
            gpio.plug(device);
        }

        // then
        assertEquals(List.of("light absent", "light connected", "buzzer absent", "buzzer connected",
                "door absent", "door connected", "entry absent", "entry connected", "help absent",
                "help connected"), published);
    }
}
