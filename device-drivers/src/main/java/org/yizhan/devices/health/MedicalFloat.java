package org.yizhan.devices.health;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number in one of the two IEEE 11073-20601 floating-point formats of the Bluetooth health profiles:
 * SFLOAT (16 bits: 4-bit exponent over a 12-bit mantissa) and FLOAT (32 bits: 8-bit exponent over a
 * 24-bit mantissa), both two's complement, worth mantissa × 10^exponent.
 *
 * <p>Either a {@link Kind#NUMBER} with its exact decimal {@link #value()}, or one of the special values
 * the standard reserves, which carry no value ({@code value()} is null): a device sends NaN when it has no
 * reading, NRes when the reading does not fit the resolution, +INF or -INF when it is beyond the
 * measuring range. The special values are exactly the bit patterns with exponent 0 listed in
 * {@link #ofSfloat} and {@link #ofFloat}; the same mantissas with any other exponent are ordinary numbers.
 *
 * <p>The value is a {@link BigDecimal}, not a double, because the formats are decimal: 36.6 arrives as
 * 366 × 10^-1 and must stay 36.6 on the screen and in the record, which a double cannot promise. A
 * positive exponent gives a value of scale 0 (3640, not 3.64E+3). Compare values with
 * {@code compareTo}: 36.6 and 36.60 are the same reading at different resolutions. Immutable.
 */
public record MedicalFloat(Kind kind, BigDecimal value) {

    /** What the bits of a {@link MedicalFloat} stand for. */
    public enum Kind {
        NUMBER("a number"),
        NAN("NaN"),
        NRES("NRes (not at this resolution)"),
        POSITIVE_INFINITY("+INF"),
        NEGATIVE_INFINITY("-INF"),
        RESERVED("a reserved value");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a rejection names the kind: "systolic pressure is NaN". */
        public String label() {
            return label;
        }
    }

    public MedicalFloat {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.NUMBER) != (value != null)) {
            throw new IllegalArgumentException("a NUMBER has a value and a special value has none: " + kind + " " + value);
        }
    }

    public static MedicalFloat number(BigDecimal value) {
        return new MedicalFloat(Kind.NUMBER, Objects.requireNonNull(value, "value"));
    }

    /**
     * Decodes an SFLOAT from the low 16 bits of {@code bits} (higher bits are ignored). Special values:
     * 0x07FF NaN, 0x0800 NRes, 0x07FE +INF, 0x0802 -INF, 0x0801 reserved.
     */
    public static MedicalFloat ofSfloat(int bits) {
        int raw = bits & 0xFFFF;
        Kind special = switch (raw) {
            case 0x07FF -> Kind.NAN;
            case 0x0800 -> Kind.NRES;
            case 0x07FE -> Kind.POSITIVE_INFINITY;
            case 0x0802 -> Kind.NEGATIVE_INFINITY;
            case 0x0801 -> Kind.RESERVED;
            default -> null;
        };
        if (special != null) {
            return new MedicalFloat(special, null);
        }
        // Shifting the field to the top of the int and back sign-extends it.
        int exponent = (raw << 16) >> 28;
        int mantissa = (raw << 20) >> 20;
        return number(mantissa, exponent);
    }

    /**
     * Decodes a FLOAT from all 32 bits. Special values: 0x007FFFFF NaN, 0x00800000 NRes, 0x007FFFFE +INF,
     * 0x00800002 -INF, 0x00800001 reserved.
     */
    public static MedicalFloat ofFloat(int bits) {
        Kind special = switch (bits) {
            case 0x007FFFFF -> Kind.NAN;
            case 0x00800000 -> Kind.NRES;
            case 0x007FFFFE -> Kind.POSITIVE_INFINITY;
            case 0x00800002 -> Kind.NEGATIVE_INFINITY;
            case 0x00800001 -> Kind.RESERVED;
            default -> null;
        };
        if (special != null) {
            return new MedicalFloat(special, null);
        }
        int exponent = bits >> 24;
        int mantissa = (bits << 8) >> 8;
        return number(mantissa, exponent);
    }

    private static MedicalFloat number(int mantissa, int exponent) {
        BigDecimal value = BigDecimal.valueOf(mantissa, -exponent);
        return number(value.scale() < 0 ? value.setScale(0) : value);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** The plain decimal for a number ("36.4", "3640"), the kind's label otherwise ("NaN"). */
    @Override
    public String toString() {
        return isNumber() ? value.toPlainString() : kind.label();
    }
}
