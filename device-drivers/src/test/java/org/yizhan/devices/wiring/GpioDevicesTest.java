package org.yizhan.devices.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.light.LightPattern;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class GpioDevicesTest {

    private static final Map<String, String> FITTED = Map.of(
            "gpio.light.red", "17", "gpio.light.green", "27",
            "gpio.buzzer", "18", "gpio.door", "23", "gpio.entry", "24", "gpio.help", "25");

    @Test
    void fits_a_device_for_each_configured_pin_only() {
        // given a kiosk with a door relay and a help button, and nothing else
        ManualTime time = new ManualTime();
        DeviceStatusBoard board = new DeviceStatusBoard(time);
        try (MockGpio mock = new MockGpio();
                GpioDevices devices = GpioDevices.open(
                        GpioConfig.parse(Map.of("gpio.door", "23", "gpio.help", "25")), board, mock.lines(),
                        time.time())) {

            // then
            assertTrue(devices.door().isPresent());
            assertTrue(devices.help().isPresent());
            assertEquals(Optional.empty(), devices.light());
            assertEquals(Optional.empty(), devices.buzzer());
            assertEquals(Optional.empty(), devices.entry());
            assertEquals(List.of("door", "help"), board.snapshot().stream().map(DeviceStatus::device).toList());

            // when the door is pulsed and everything closed
            devices.door().orElseThrow().pulse();
            assertTrue(mock.output("gpio.door").isHigh());
            devices.close();

            // then every line is given back
            assertFalse(mock.claimed("gpio.door"));
            assertFalse(mock.claimed("gpio.help"));
        }
    }

    @Test
    void without_a_gpiochip_every_fitted_device_is_absent_with_the_reason_and_the_kiosk_goes_on() {
        Assumptions.assumeFalse(Files.exists(Path.of("/proc/device-tree/model")),
                "this machine has a device tree, perhaps a Pi whose pins this test would drive");
        // given the real gpiod lines on a machine that has none
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        try (GpioDevices devices = GpioDevices.open(GpioConfig.parse(FITTED), board)) {

            // when the kiosk uses them
            devices.light().orElseThrow().show(LightPattern.OK);
            devices.door().orElseThrow().pulse();

            // then nothing throws, the door stays locked, and each device is absent saying which line and why
            assertFalse(devices.door().orElseThrow().isOpen());
            assertEquals(5, board.snapshot().size());
            for (DeviceStatus status : board.snapshot()) {
                assertEquals(DeviceState.ABSENT, status.state(), status.toString());
                assertTrue(status.lastError().matches("gpio\\.[a-z.]+ \\(BCM \\d+\\) could not be claimed: .+"),
                        status.lastError());
            }
        }
    }
}
