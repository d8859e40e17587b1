package org.yizhan.devices.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether the kernel keeps a GPIO output driven after the program that claimed it has gone.
 *
 * <p>Upstream Linux returns a released line to an input, so a kiosk that dies — SIGKILL, OOM killer, JVM
 * crash — leaves its relay to the pin's power-on pull. Raspberry Pi kernels keep released outputs as they
 * were unless {@code dtparam=strict_gpiod} is in config.txt (or {@code persist_gpio_outputs=n} given to the
 * pinctrl driver), so a door held open when the kiosk dies would stay open. The pinctrl drivers show their
 * choice as a module parameter in sysfs; this reads it.
 */
public final class OutputPersistence {

    /** Pi 4 and earlier (pinctrl-bcm2835), Pi 5 (pinctrl-rp1). */
    private static final List<String> DRIVERS = List.of("pinctrl_bcm2835", "pinctrl_rp1");

    private OutputPersistence() {
    }

    /**
     * A warning for the maintainer when released outputs keep their level; empty when they return to inputs,
     * or when no pinctrl driver says (not a Pi, or a kernel that predates the parameter).
     *
     * @param sysModule {@code /sys/module} on a Pi; a fixture tree in tests
     */
    public static Optional<String> check(Path sysModule) {
        for (String driver : DRIVERS) {
            Path parameters = sysModule.resolve(driver).resolve("parameters");
            Optional<String> persist = read(parameters.resolve("persist_gpio_outputs"));
            // Kernels of spring 2024 named the same switch the other way round.
            Optional<String> strict = read(parameters.resolve("strict_gpiod"));
            boolean persists = persist.map(value -> value.startsWith("Y") || value.equals("1")).orElse(false)
                    || strict.map(value -> value.startsWith("N") || value.equals("0")).orElse(false);
            if (persists) {
                String setting = persist.isPresent() ? driver + ".persist_gpio_outputs=" + persist.get()
                        : driver + ".strict_gpiod=" + strict.get();
                return Optional.of("released GPIO outputs keep their level (" + setting + "): if the kiosk dies"
                        + " while the door is open, it stays open; add dtparam=strict_gpiod to"
                        + " /boot/firmware/config.txt and reboot");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
