package org.yizhan.devices.health;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.yizhan.devices.health.ParseResult.RejectionKind;

/**
 * A cursor over one characteristic value of a Bluetooth health profile: a flags byte followed by
 * little-endian unsigned integers, SFLOATs, FLOATs and Date Time fields. The parsers describe their layout
 * with it; every shortfall becomes a rejection naming the missing field, the bytes it needed and where the
 * frame ends.
 *
 * <p>Frames exist only inside {@link #read}: it copies the bytes (the caller may reuse its buffer), refuses
 * null and empty input, hands the layout a frame positioned after the flags byte, and turns any
 * {@link #reject} into a {@link ParseResult.Rejected}. Bytes left after the layout is done are not looked
 * at. A frame belongs to the thread running {@code read}.
 */
public final class MeasurementFrame {

    /** Length of a Date Time field: year (uint16), month, day, hours, minutes, seconds. */
    public static final int DATE_TIME_LENGTH = 7;

    /** A field's name, and whether it is there only because a flag says so (which the messages mention). */
    public record Field(String name, boolean announcedByFlags) {
        public Field {
            Objects.requireNonNull(name, "name");
        }

        public static Field required(String name) {
            return new Field(name, false);
        }

        public static Field announced(String name) {
            return new Field(name, true);
        }
    }

    private final byte[] bytes;
    private final int flags;
    private int position = 1;

    private MeasurementFrame(byte[] bytes) {
        this.bytes = bytes;
        this.flags = bytes[0] & 0xFF;
    }

    /**
     * Runs {@code layout} over a copy of {@code frame}. The layout returns the reading, or calls
     * {@link #reject} (directly or through the readers) to refuse the frame.
     */
    public static <T> ParseResult<T> read(byte[] frame, Function<MeasurementFrame, T> layout) {
        if (frame == null) {
            return new ParseResult.Rejected<>(RejectionKind.MALFORMED, "no frame (null)");
        }
        if (frame.length == 0) {
            return new ParseResult.Rejected<>(RejectionKind.MALFORMED, "empty frame: not even the flags byte");
        }
        try {
            return new ParseResult.Parsed<>(layout.apply(new MeasurementFrame(frame.clone())));
        } catch (Rejection r) {
            return new ParseResult.Rejected<>(r.kind, r.getMessage());
        }
    }

    /** The flags byte (byte 0), 0-255. */
    public int flags() {
        return flags;
    }

    public boolean flagSet(int mask) {
        return (flags & mask) != 0;
    }

    public int uint8(Field field) {
        need(field, 1);
        return bytes[position++] & 0xFF;
    }

    public int uint16(Field field) {
        need(field, 2);
        int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    public MedicalFloat sfloat(Field field) {
        return MedicalFloat.ofSfloat(uint16(field));
    }

    public MedicalFloat float32(Field field) {
        need(field, 4);
        int bits = (bytes[position] & 0xFF)
                | (bytes[position + 1] & 0xFF) << 8
                | (bytes[position + 2] & 0xFF) << 16
                | (bytes[position + 3] & 0xFF) << 24;
        position += 4;
        return MedicalFloat.ofFloat(bits);
    }

    /**
     * A Date Time field (year uint16 1582-9999, month 1-12, day 1-31, hours 0-23, minutes 0-59, seconds
     * 0-59). Year, month or day 0 means "not known" in the specification; a date with an unknown part is no
     * point in time, so the result is empty. Any field out of its range, or a day the month does not have,
     * rejects the frame as malformed.
     */
    public Optional<LocalDateTime> dateTime(Field field) {
        need(field, DATE_TIME_LENGTH);
        int year = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        int month = bytes[position + 2] & 0xFF;
        int day = bytes[position + 3] & 0xFF;
        int hours = bytes[position + 4] & 0xFF;
        int minutes = bytes[position + 5] & 0xFF;
        int seconds = bytes[position + 6] & 0xFF;
        position += DATE_TIME_LENGTH;
        String name = field.name();
        if (year != 0 && (year < 1582 || year > 9999)) {
            reject(RejectionKind.MALFORMED, name + " year " + year + " is not 1582-9999 (or 0 for unknown)");
        }
        if (month > 12) {
            reject(RejectionKind.MALFORMED, name + " month " + month + " is not 1-12 (or 0 for unknown)");
        }
        if (day > 31) {
            reject(RejectionKind.MALFORMED, name + " day " + day + " is not 1-31 (or 0 for unknown)");
        }
        if (hours > 23) {
            reject(RejectionKind.MALFORMED, name + " hours " + hours + " is not 0-23");
        }
        if (minutes > 59) {
            reject(RejectionKind.MALFORMED, name + " minutes " + minutes + " is not 0-59");
        }
        if (seconds > 59) {
            reject(RejectionKind.MALFORMED, name + " seconds " + seconds + " is not 0-59");
        }
        if (year == 0 || month == 0 || day == 0) {
            return Optional.empty();
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            reject(RejectionKind.MALFORMED, String.format("%s %04d-%02d-%02d is not a date", name, year, month, day));
        }
        return Optional.of(LocalDateTime.of(year, month, day, hours, minutes, seconds));
    }

    /** The value of a field that must hold a number; a special value rejects the frame ("systolic pressure is NaN"). */
    public BigDecimal requireNumber(String what, MedicalFloat value) {
        if (!value.isNumber()) {
            reject(RejectionKind.NO_VALUE, what + " is " + value.kind().label());
        }
        return value.value();
    }

    /** {@code value} if it lies within {@code min}..{@code max} inclusive; rejects the frame as implausible otherwise. */
    public BigDecimal requirePlausible(String what, BigDecimal value, BigDecimal min, BigDecimal max, String unit) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            reject(RejectionKind.IMPLAUSIBLE, String.format("%s %s %s is outside the plausible %s-%s %s",
                    what, value.toPlainString(), unit, min.toPlainString(), max.toPlainString(), unit));
        }
        return value;
    }

    /**
     * Refuses the frame: {@link #read} returns a {@link ParseResult.Rejected} with this kind and reason.
     * Never returns normally; the type parameter lets it stand where a value is expected.
     */
    public <X> X reject(RejectionKind kind, String reason) {
        throw new Rejection(kind, reason);
    }

    private void need(Field field, int length) {
        if (bytes.length - position >= length) {
            return;
        }
        String where = length == 1 ? "byte " + position : "bytes " + position + "-" + (position + length - 1);
        if (field.announcedByFlags()) {
            reject(RejectionKind.MALFORMED, String.format("flags 0x%02X say a %s follows in %s but the frame ends at byte %d",
                    flags, field.name(), where, bytes.length));
        }
        reject(RejectionKind.MALFORMED, String.format("the %s needs %s but the frame ends at byte %d",
                field.name(), where, bytes.length));
    }

    /** Carries a refusal from anywhere in a layout back to {@link #read}, which always catches it. */
    private static final class Rejection extends RuntimeException {
        private final RejectionKind kind;

        Rejection(RejectionKind kind, String reason) {
            super(reason, null, false, false);
            this.kind = kind;
        }
    }
}
