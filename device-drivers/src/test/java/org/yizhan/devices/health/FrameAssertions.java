package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import org.yizhan.devices.health.ParseResult.RejectionKind;

/** Assertions on what the parsers make of a frame. */
public final class FrameAssertions {

    private FrameAssertions() {
    }

    /** The reading, or a failure that quotes the rejection's reason. */
    public static <T> T parsed(ParseResult<T> result) {
        if (result instanceof ParseResult.Parsed<T> parsed) {
            return parsed.reading();
        }
        ParseResult.Rejected<T> rejected = (ParseResult.Rejected<T>) result;
        return fail("expected a reading but the frame was rejected (" + rejected.kind() + "): " + rejected.reason());
    }

    /** The rejection's reason, after checking the result is a rejection of this kind with a non-blank reason. */
    public static String rejectionReason(ParseResult<?> result, RejectionKind kind) {
        ParseResult.Rejected<?> rejected = assertInstanceOf(ParseResult.Rejected.class, result,
                () -> "expected a rejection but got " + result);
        assertEquals(kind, rejected.kind(), rejected.reason());
        assertFalse(rejected.reason().isBlank(), "a rejection must say why");
        return rejected.reason();
    }

    /** Numeric equality whatever the scale: 37.6 equals 37.60. */
    public static void assertDecimal(String expected, BigDecimal actual) {
        if (actual == null || new BigDecimal(expected).compareTo(actual) != 0) {
            fail("expected " + expected + " but was " + (actual == null ? "null" : actual.toPlainString()));
        }
    }
}
