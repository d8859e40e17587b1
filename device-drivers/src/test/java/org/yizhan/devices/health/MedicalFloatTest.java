package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.devices.health.MedicalFloat.Kind;

class MedicalFloatTest {

    // Vectors from sputnikdev/bluetooth-gatt-parser,
    // src/test/java/org/sputnikdev/bluetooth/gattparser/num/IEEE11073FloatingPointNumberFormatterTest.java,
    // where they are written as binary literals (0b1111000101101100 is 0xF16C), and from
    // NordicSemiconductor/Android-BLE-Library, ble/src/test/java/no/nordicsemi/android/ble/data/DataTest.java
    // (setValue_SFLOAT_hex: 10.1 encodes as the bytes 65 F0, i.e. 0xF065).
    @ParameterizedTest(name = "SFLOAT 0x{0} is {1}")
    @CsvSource({
        "F16C, 36.4",
        "E16C, 3.64",
        "016C, 364",
        "116C, 3640",
        "FE94, -36.4",
        "0E94, -364",
        "1E94, -3640",
        "F065, 10.1",
    })
    void decodes_the_sfloat_vectors_of_public_parsers(String bits, String expected) {
        // given
        int raw = Integer.parseInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofSfloat(raw);

        // then
        assertEquals(Kind.NUMBER, value.kind());
        assertDecimal(expected, value.value());
    }

    // Derived by hand. An SFLOAT is eeee mmmm mmmm mmmm: the top nibble is the exponent and the low 12 bits
    // the mantissa, both two's complement.
    @ParameterizedTest(name = "SFLOAT 0x{0} is {1}")
    @CsvSource({
        // exponent 0xF = -1; mantissa 0x2E5 = 2*256 + 14*16 + 5 = 741 -> 741 x 10^-1
        "F2E5, 74.1",
        // exponent -1; mantissa 0xF9C = 3996 has bit 11 set, so 3996 - 4096 = -100 -> -10.0
        "FF9C, -10.0",
        // exponent 0; mantissa 0xFFF = -1
        "0FFF, -1",
        // exponent 0x8 = -8 (most negative); mantissa 0x7FF = 2047: NaN's mantissa, but the exponent is not 0
        "87FF, 0.00002047",
        // exponent 7 (most positive); mantissa 0x800 = -2048: NRes's mantissa, exponent not 0
        "7800, -20480000000",
        // exponent 1; mantissa 2047 -> 20470, an ordinary number
        "17FF, 20470",
        "0000, 0",
    })
    void decodes_negative_exponents_and_mantissas_derived_by_hand(String bits, String expected) {
        // given
        int raw = Integer.parseInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofSfloat(raw);

        // then
        assertTrue(value.isNumber(), value::toString);
        assertDecimal(expected, value.value());
    }

    @ParameterizedTest(name = "SFLOAT 0x{0} is {1}")
    @CsvSource({
        "07FF, NAN",
        "0800, NRES",
        "07FE, POSITIVE_INFINITY",
        "0802, NEGATIVE_INFINITY",
        "0801, RESERVED",
    })
    void recognises_every_sfloat_special_value(String bits, Kind expected) {
        // given
        int raw = Integer.parseInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofSfloat(raw);

        // then
        assertEquals(expected, value.kind());
        assertFalse(value.isNumber());
        assertNull(value.value());
    }

    // Same source as the SFLOAT vectors above (testDeserializeFloat; 0b11111111000000000000000101101100 is
    // 0xFF00016C).
    @ParameterizedTest(name = "FLOAT 0x{0} is {1}")
    @CsvSource({
        "FF00016C, 36.4",
        "FE00016C, 3.64",
        "0000016C, 364",
        "0100016C, 3640",
        "FFFFFE94, -36.4",
        "00FFFE94, -364",
        "01FFFE94, -3640",
    })
    void decodes_the_float_vectors_of_public_parsers(String bits, String expected) {
        // given
        int raw = Integer.parseUnsignedInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofFloat(raw);

        // then
        assertDecimal(expected, value.value());
    }

    // Derived by hand. A FLOAT is one exponent byte over a 24-bit mantissa, both two's complement.
    @ParameterizedTest(name = "FLOAT 0x{0} is {1}")
    @CsvSource({
        // exponent 0xFE = -2; mantissa 0x000EB0 = 3760 -> 37.60
        "FE000EB0, 37.60",
        // exponent 0xFD = -3; mantissa 0x009088 = 37000 -> 37.000
        "FD009088, 37.000",
        // exponent 0x80 = -128; mantissa 0x800000 = -8388608: NRes's mantissa, but the exponent is not 0
        "80800000, -8388608E-128",
        // exponent 0x7F = 127; mantissa 0x7FFFFF = 8388607: NaN's mantissa, exponent not 0
        "7F7FFFFF, 8388607E+127",
        // exponent 1; mantissa 8388607 -> 83886070
        "017FFFFF, 83886070",
    })
    void decodes_float_extremes_derived_by_hand(String bits, String expected) {
        // given
        int raw = Integer.parseUnsignedInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofFloat(raw);

        // then
        assertTrue(value.isNumber(), value::toString);
        assertDecimal(expected, value.value());
    }

    @ParameterizedTest(name = "FLOAT 0x{0} is {1}")
    @CsvSource({
        "007FFFFF, NAN",
        "00800000, NRES",
        "007FFFFE, POSITIVE_INFINITY",
        "00800002, NEGATIVE_INFINITY",
        "00800001, RESERVED",
    })
    void recognises_every_float_special_value(String bits, Kind expected) {
        // given
        int raw = Integer.parseUnsignedInt(bits, 16);

        // when
        MedicalFloat value = MedicalFloat.ofFloat(raw);

        // then
        assertEquals(expected, value.kind());
        assertNull(value.value());
    }

    @Test
    void an_sfloat_ignores_the_bits_above_its_sixteen() {
        // given: 74.1 (0xF2E5) with garbage above bit 15, as a sign-extended short would bring
        int raw = 0xFFFF_F2E5;

        // when
        MedicalFloat value = MedicalFloat.ofSfloat(raw);

        // then
        assertDecimal("74.1", value.value());
    }

    @Test
    void a_positive_exponent_gives_a_plain_integer_and_the_exact_decimal_is_kept() {
        // given: 0x116C is 364 x 10^1, 0xF16C is 364 x 10^-1

        // when
        MedicalFloat thousands = MedicalFloat.ofSfloat(0x116C);
        MedicalFloat tenths = MedicalFloat.ofSfloat(0xF16C);

        // then
        assertEquals("3640", thousands.toString());
        assertEquals(0, thousands.value().scale());
        assertEquals(new BigDecimal("36.4"), tenths.value());
        assertEquals("NaN", MedicalFloat.ofSfloat(0x07FF).toString());
    }

    @Test
    void a_number_needs_a_value_and_a_special_value_has_none() {
        // when / then
        assertThrows(IllegalArgumentException.class, () -> new MedicalFloat(Kind.NUMBER, null));
        assertThrows(IllegalArgumentException.class, () -> new MedicalFloat(Kind.NAN, BigDecimal.ONE));
    }
}
