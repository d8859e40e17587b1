package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.system.ThrottleFlag.ARM_FREQUENCY_CAPPED_NOW;
import static org.yizhan.devices.system.ThrottleFlag.ARM_FREQUENCY_CAPPED_OCCURRED;
import static org.yizhan.devices.system.ThrottleFlag.SOFT_TEMPERATURE_LIMIT_NOW;
import static org.yizhan.devices.system.ThrottleFlag.SOFT_TEMPERATURE_LIMIT_OCCURRED;
import static org.yizhan.devices.system.ThrottleFlag.THROTTLED_NOW;
import static org.yizhan.devices.system.ThrottleFlag.THROTTLED_OCCURRED;
import static org.yizhan.devices.system.ThrottleFlag.UNDER_VOLTAGE_NOW;
import static org.yizhan.devices.system.ThrottleFlag.UNDER_VOLTAGE_OCCURRED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values as {@code vcgencmd get_throttled} prints them; the bit meanings are those of the Raspberry Pi
 * documentation ("vcgencmd", get_throttled).
 */
class ThrottleStateTest {

    private static Set<ThrottleFlag> flagsOf(String output) {
        return ThrottleState.parseVcgencmd(output).orElseThrow().flags();
    }

    @Test
    void zero_means_nothing_has_happened() {
        assertEquals(EnumSet.noneOf(ThrottleFlag.class), flagsOf("throttled=0x0\n"));
    }

    @Test
    void hex_50000_is_under_voltage_and_throttling_that_have_occurred_but_are_over() {
        assertEquals(EnumSet.of(UNDER_VOLTAGE_OCCURRED, THROTTLED_OCCURRED), flagsOf("throttled=0x50000\n"));
    }

    @Test
    void hex_50005_is_under_voltage_and_throttling_now_and_before() {
        assertEquals(EnumSet.of(UNDER_VOLTAGE_NOW, THROTTLED_NOW, UNDER_VOLTAGE_OCCURRED, THROTTLED_OCCURRED),
                flagsOf("throttled=0x50005\n"));
    }

    @Test
    void hex_80008_is_the_soft_temperature_limit_now_and_before() {
        assertEquals(EnumSet.of(SOFT_TEMPERATURE_LIMIT_NOW, SOFT_TEMPERATURE_LIMIT_OCCURRED),
                flagsOf("throttled=0x80008\n"));
    }

    @Test
    void hex_f000f_is_everything_at_once() {
        assertEquals(EnumSet.allOf(ThrottleFlag.class), flagsOf("throttled=0xf000f"));
    }

    @ParameterizedTest
    @CsvSource({
        "throttled=0x1, UNDER_VOLTAGE_NOW",
        "throttled=0x2, ARM_FREQUENCY_CAPPED_NOW",
        "throttled=0x4, THROTTLED_NOW",
        "throttled=0x8, SOFT_TEMPERATURE_LIMIT_NOW",
        "throttled=0x10000, UNDER_VOLTAGE_OCCURRED",
        "throttled=0x20000, ARM_FREQUENCY_CAPPED_OCCURRED",
        "throttled=0x40000, THROTTLED_OCCURRED",
        "throttled=0x80000, SOFT_TEMPERATURE_LIMIT_OCCURRED",
    })
    void each_bit_is_its_own_flag(String output, ThrottleFlag flag) {
        assertEquals(EnumSet.of(flag), flagsOf(output));
    }

    @Test
    void bits_without_a_name_are_kept_but_raise_no_flag() {
        ThrottleState state = ThrottleState.parseVcgencmd("throttled=0x100000").orElseThrow();

        assertEquals(0x100000, state.bits());
        assertTrue(state.flags().isEmpty());
    }

    @Test
    void reads_upper_case_hex_and_surrounding_whitespace_and_prints_it_back() {
        ThrottleState state = ThrottleState.parseVcgencmd("  throttled=0x5000A \r\n").orElseThrow();

        assertEquals(EnumSet.of(ARM_FREQUENCY_CAPPED_NOW, SOFT_TEMPERATURE_LIMIT_NOW, UNDER_VOLTAGE_OCCURRED,
                THROTTLED_OCCURRED), state.flags());
        assertEquals("0x5000a", state.hex());
    }

    @Test
    void all_32_bits_fit() {
        assertEquals(0xffffffff, ThrottleState.parseVcgencmd("throttled=0xffffffff").orElseThrow().bits());
        assertTrue(ThrottleState.parseVcgencmd("throttled=0xffffffff").orElseThrow().has(ARM_FREQUENCY_CAPPED_OCCURRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "throttled=",
        "throttled=0x",
        "throttled=0xZZ",
        "throttled=50005",
        "throttled=0x123456789",
        "throttled=0x5 extra",
        "error=1 error_msg=\"Command not registered\"",
        "VCHI initialization failed",
        "Can't open device file: /dev/vcio",
    })
    void anything_else_is_unknown(String output) {
        assertEquals(Optional.empty(), ThrottleState.parseVcgencmd(output));
    }
}
