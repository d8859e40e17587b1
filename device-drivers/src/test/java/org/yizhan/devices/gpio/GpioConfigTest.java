package org.yizhan.devices.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpioConfigTest {

    /** A kiosk fitted with everything: RGB LED, buzzer, active-high door relay, IR beam, help button. */
    private static Map<String, String> fullKiosk() {
        Map<String, String> properties = new HashMap<>();
        properties.put("kiosk.site", "xuhui-07");
        properties.put("gpio.light.red", "17");
        properties.put("gpio.light.green", "27");
        properties.put("gpio.light.blue", "22");
        properties.put("gpio.buzzer", "18");
        properties.put("gpio.door", "23");
        properties.put("gpio.door.open-for", "4s");
        properties.put("gpio.entry", "24");
        properties.put("gpio.entry.active-low", "true");
        properties.put("gpio.entry.pull", "up");
        properties.put("gpio.help", "25");
        properties.put("gpio.help.long-press", "2500ms");
        return properties;
    }

    private static GpioConfigException rejected(Map<String, String> properties) {
        return assertThrows(GpioConfigException.class, () -> GpioConfig.parse(properties));
    }

    @Test
    void reads_every_pin_with_its_wiring_and_timings() {
        // when
        GpioConfig config = GpioConfig.parse(fullKiosk());

        // then
        GpioPinMap pins = config.pins();
        assertEquals(new LightPins(new OutputPin("gpio.light.red", 17, false),
                new OutputPin("gpio.light.green", 27, false),
                Optional.of(new OutputPin("gpio.light.blue", 22, false))), pins.light().orElseThrow());
        assertEquals(new OutputPin("gpio.buzzer", 18, false), pins.buzzer().orElseThrow());
        assertEquals(new OutputPin("gpio.door", 23, false), pins.door().orElseThrow());
        assertEquals(new InputPin("gpio.entry", 24, true, Pull.UP), pins.entry().orElseThrow());
        assertEquals(new InputPin("gpio.help", 25, true, Pull.UP), pins.help().orElseThrow());
        assertEquals(Duration.ofSeconds(4), config.doorOpenFor());
        assertEquals(Duration.ofMillis(2500), config.helpLongPress());
        assertEquals(Duration.ofMillis(50), config.entryDebounce());
    }

    @Test
    void a_kiosk_without_gpio_keys_has_no_pins_and_default_timings() {
        GpioConfig config = GpioConfig.parse(Map.of("kiosk.site", "xuhui-07"));

        assertEquals(GpioConfig.defaults(), config);
        assertEquals(GpioPinMap.none(), config.pins());
    }

    @Test
    void a_pir_and_a_button_to_ground_are_the_input_defaults() {
        GpioPinMap pins = GpioPinMap.parse(Map.of("gpio.entry", "5", "gpio.help", "6"));

        assertEquals(new InputPin("gpio.entry", 5, false, Pull.DOWN), pins.entry().orElseThrow());
        assertEquals(new InputPin("gpio.help", 6, true, Pull.UP), pins.help().orElseThrow());
    }

    @Test
    void names_the_later_key_when_a_pin_is_used_twice() {
        GpioConfigException error = rejected(Map.of("gpio.buzzer", "4", "gpio.door", "4"));

        assertEquals("gpio.door: pin 4 is already used by gpio.buzzer", error.getMessage());
        assertEquals("gpio.door", error.key());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "gpio.door|1|gpio.door: pin 1 is not a GPIO of the 40-pin header",
        "gpio.door|28|gpio.door: pin 28 is not a GPIO of the 40-pin header",
        "gpio.buzzer|GPIO18|gpio.buzzer: 'GPIO18' is not a pin number",
        "gpio.entry.active-low|yes|gpio.entry.active-low: expected true or false, not 'yes'",
        "gpio.help.pull|high|gpio.help.pull: expected up, down or off, not 'high'",
        "gpio.dor|23|gpio.dor: unknown key",
        "gpio.door.open-for|5 seconds|gpio.door.open-for: '5 seconds' is not a duration",
        "gpio.door.open-for|0s|gpio.door.open-for: 0ms is outside 1s–5m",
        "gpio.help.long-press|20ms|gpio.help.long-press: 20ms must be longer than gpio.help.debounce (30ms)",
        "gpio.entry.debounce|99999999999999999999m|gpio.entry.debounce: '99999999999999999999m' is too long",
    })
    void names_the_key_of_a_bad_value(String key, String value, String message) {
        // given a complete kiosk with one value spoilt
        Map<String, String> properties = fullKiosk();
        properties.put(key, value);

        // then the message starts with that key
        GpioConfigException error = rejected(properties);
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
        assertEquals(key, error.key());
    }

    @Test
    void a_status_light_needs_red_and_green() {
        GpioConfigException error = rejected(Map.of("gpio.light.red", "17", "gpio.light.blue", "22"));

        assertEquals("gpio.light.green: missing: the status light needs its red and green pins", error.getMessage());
    }

    @Test
    void a_light_without_blue_is_fitted() {
        GpioPinMap pins = GpioPinMap.parse(Map.of("gpio.light.red", "17", "gpio.light.green", "27",
                "gpio.light.active-low", "true"));

        assertEquals(Optional.empty(), pins.light().orElseThrow().blue());
        assertTrue(pins.light().orElseThrow().red().activeLow());
    }

    @Test
    void wiring_settings_need_their_devices_pin() {
        GpioConfigException error = rejected(Map.of("gpio.door.active-low", "true"));

        assertEquals("gpio.door: no pin, but gpio.door.active-low is set", error.getMessage());
    }

    @Test
    void timings_without_a_pin_are_kept_for_the_simulated_twins() {
        GpioConfig config = GpioConfig.parse(Map.of("gpio.door.open-for", "7s"));

        assertEquals(Optional.empty(), config.pins().door());
        assertEquals(Duration.ofSeconds(7), config.doorOpenFor());
    }

    @ParameterizedTest(name = "active-low={1}, pull={2}")
    @CsvSource({"gpio.help, true, down", "gpio.entry, false, up"})
    void a_pull_that_holds_an_input_at_its_active_level_is_refused(String key, boolean activeLow, String pull) {
        GpioConfigException error = rejected(Map.of(key, "24", key + ".active-low", String.valueOf(activeLow),
                key + ".pull", pull));

        assertEquals(key + ".pull", error.key());
        assertTrue(error.getMessage().contains("holds an active-" + (activeLow ? "low" : "high") + " input"),
                error.getMessage());
    }

    @Test
    void an_active_high_door_relay_on_a_pin_pulled_up_at_power_on_is_refused() {
        // BCM 4 is pulled up while the Pi boots: an active-high relay would open the door.
        GpioConfigException error = rejected(Map.of("gpio.door", "4"));

        assertEquals("gpio.door", error.key());
        assertTrue(error.getMessage().contains("pin 4 is pulled up at power-on"), error.getMessage());
    }

    @Test
    void an_active_low_door_relay_on_a_pin_pulled_down_at_power_on_is_refused() {
        GpioConfigException error = rejected(Map.of("gpio.door", "23", "gpio.door.active-low", "true"));

        assertTrue(error.getMessage().startsWith("gpio.door: pin 23 is pulled down at power-on"), error.getMessage());
    }

    @Test
    void an_active_low_door_relay_on_a_pin_pulled_up_at_power_on_is_accepted() {
        GpioPinMap pins = GpioPinMap.parse(Map.of("gpio.door", "5", "gpio.door.active-low", "true"));

        assertEquals(new OutputPin("gpio.door", 5, true), pins.door().orElseThrow());
    }

    @Test
    void blank_values_count_as_absent() {
        GpioPinMap pins = GpioPinMap.parse(Map.of("gpio.door", " ", "gpio.help", " 25 "));

        assertEquals(Optional.empty(), pins.door());
        assertEquals(25, pins.help().orElseThrow().bcm());
    }

    @Test
    void an_active_low_pin_is_low_when_its_device_is_on() {
        OutputPin relay = new OutputPin("gpio.door", 5, true);
        InputPin beam = new InputPin("gpio.entry", 24, true, Pull.UP);

        assertEquals(false, relay.level(true));
        assertEquals(true, relay.level(false));
        assertEquals(true, beam.active(false));
    }
}
