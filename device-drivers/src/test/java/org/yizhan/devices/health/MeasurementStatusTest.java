package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementStatusTest {

    @ParameterizedTest(name = "status 0x{0} is {1}")
    @CsvSource({
        "0001, BODY_MOVEMENT",
        "0002, CUFF_TOO_LOOSE",
        "0004, IRREGULAR_PULSE",
        "0008, PULSE_RATE_ABOVE_UPPER_LIMIT",
        "0010, PULSE_RATE_BELOW_LOWER_LIMIT",
        "0020, IMPROPER_MEASUREMENT_POSITION",
    })
    void decodes_each_condition_alone(String bits, MeasurementStatus expected) {
        // given
        int field = Integer.parseInt(bits, 16);

        // when
        Set<MeasurementStatus> status = MeasurementStatus.decode(field);

        // then
        assertEquals(Set.of(expected), status);
    }

    @Test
    void pulse_rate_within_range_and_the_reserved_range_value_add_nothing() {
        // given: bits 3-4 = 0 (within range) and = 3 (reserved)

        // when
        Set<MeasurementStatus> within = MeasurementStatus.decode(0x0000);
        Set<MeasurementStatus> reserved = MeasurementStatus.decode(0x0018);

        // then
        assertEquals(Set.of(), within);
        assertEquals(Set.of(), reserved);
    }

    @Test
    void reserved_bits_six_to_fifteen_are_ignored() {
        // when
        Set<MeasurementStatus> status = MeasurementStatus.decode(0xFFC0);

        // then
        assertEquals(Set.of(), status);
    }

    @Test
    void decodes_several_conditions_in_declaration_order() {
        // given: 0x37 = 0b0011_0111: bits 0, 1, 2, bits 3-4 = 0b10 (below lower limit), bit 5
        int field = 0x0037;

        // when
        Set<MeasurementStatus> status = MeasurementStatus.decode(field);

        // then
        assertEquals(List.of(MeasurementStatus.BODY_MOVEMENT, MeasurementStatus.CUFF_TOO_LOOSE,
                MeasurementStatus.IRREGULAR_PULSE, MeasurementStatus.PULSE_RATE_BELOW_LOWER_LIMIT,
                MeasurementStatus.IMPROPER_MEASUREMENT_POSITION), List.copyOf(status));
        assertThrows(UnsupportedOperationException.class, () -> status.add(MeasurementStatus.BODY_MOVEMENT));
    }
}
