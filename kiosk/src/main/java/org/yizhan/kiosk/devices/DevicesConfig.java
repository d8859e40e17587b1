package org.yizhan.kiosk.devices;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.system.SystemProbeConfig;

/**
 * Which peripherals this kiosk has and how to reach them, read once at start from the {@code scanner.*},
 * {@code gpio.*}, {@code health.*}, {@code system.*} and {@code voice.*} keys of the kiosk's configuration by
 * {@link DevicesConfigFile}. With {@code --simulate} the same configuration builds the simulated twins: names,
 * timings and wiring are kept, transports are not used.
 *
 * @param scanner how QR codes arrive
 * @param gpio    the pin map and timings of the light, buzzer, door, entry sensor and help button
 * @param health  the health devices, in configured order
 * @param system  how the Pi itself is watched
 * @param voice   whether the health check speaks its prompts ({@code voice.enabled}); without, there is no
 *                {@code voice} device at all
 */
public record DevicesConfig(ScannerSetup scanner, GpioConfig gpio, List<HealthSetup> health, SystemProbeConfig system,
        boolean voice) {

    public DevicesConfig {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(gpio, "gpio");
        health = List.copyOf(health);
        Objects.requireNonNull(system, "system");
    }

    /** With the voice, as {@code voice.enabled} has it by default. */
    public DevicesConfig(ScannerSetup scanner, GpioConfig gpio, List<HealthSetup> health, SystemProbeConfig system) {
        this(scanner, gpio, health, system, true);
    }

    /** Nothing configured: the window's keyboard input as scanner, no pins, no health devices, the voice. */
    public static DevicesConfig defaults(Path dataDir) {
        return new DevicesConfig(new ScannerSetup.Keyboard(), GpioConfig.defaults(), List.of(),
                SystemProbeConfig.defaults(dataDir));
    }
}
