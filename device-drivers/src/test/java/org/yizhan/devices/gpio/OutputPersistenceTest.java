package org.yizhan.devices.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPersistenceTest {

    @TempDir
    Path sysModule;

    private void parameter(String driver, String name, String value) throws IOException {
        Path parameters = Files.createDirectories(sysModule.resolve(driver).resolve("parameters"));
        Files.writeString(parameters.resolve(name), value + "\n");
    }

    @Test
    void warns_when_a_pi_4_kernel_keeps_released_outputs() throws IOException {
        // given Raspberry Pi OS's default on a Pi 4
        parameter("pinctrl_bcm2835", "persist_gpio_outputs", "Y");

        // then the warning says what is set and what to do
        String warning = OutputPersistence.check(sysModule).orElseThrow();
        assertTrue(warning.contains("pinctrl_bcm2835.persist_gpio_outputs=Y"), warning);
        assertTrue(warning.contains("dtparam=strict_gpiod"), warning);
    }

    @Test
    void warns_when_a_pi_5_kernel_keeps_released_outputs() throws IOException {
        parameter("pinctrl_rp1", "persist_gpio_outputs", "Y");

        assertTrue(OutputPersistence.check(sysModule).orElseThrow().contains("pinctrl_rp1"));
    }

    @Test
    void is_quiet_when_released_outputs_return_to_inputs() throws IOException {
        // given a Pi booted with dtparam=strict_gpiod
        parameter("pinctrl_bcm2835", "persist_gpio_outputs", "N");

        assertEquals(Optional.empty(), OutputPersistence.check(sysModule));
    }

    @Test
    void reads_the_older_strict_gpiod_parameter_the_other_way_round() throws IOException {
        parameter("pinctrl_bcm2835", "strict_gpiod", "N");

        assertTrue(OutputPersistence.check(sysModule).orElseThrow().contains("pinctrl_bcm2835.strict_gpiod=N"));
    }

    @Test
    void says_nothing_when_no_pinctrl_driver_tells() {
        assertEquals(Optional.empty(), OutputPersistence.check(sysModule));
    }
}
