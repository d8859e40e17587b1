package org.yizhan.devices.health;

import java.util.Objects;

/**
 * What a measurement parser makes of one characteristic value: the reading, or why it was refused.
 *
 * <p>The health parsers return one of these for every input (null, empty, truncated, random bytes) and
 * throw nothing. A refusal is an expected outcome of a radio link and a measuring device, not a fault in
 * the kiosk, so it is a value the caller has to look at rather than an exception it may forget to catch.
 * Immutable.
 */
public sealed interface ParseResult<T> {

    /** The frame was well formed and the reading plausible. */
    record Parsed<T>(T reading) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(reading, "reading");
        }
    }

    /** The frame was refused; {@code reason} is one English sentence fit for a log or a support screen. */
    record Rejected<T>(RejectionKind kind, String reason) implements ParseResult<T> {
        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a frame was refused, for callers that react differently (report the device, or ask to measure again). */
    enum RejectionKind {
        /** The bytes do not follow the characteristic's layout: empty, cut short, an impossible time stamp. */
        MALFORMED,
        /** The device sent NaN, NRes, ±INF, a reserved value or "measurement unsuccessful" where a value is needed. */
        NO_VALUE,
        /** Well formed, but no person taking a measurement at the kiosk can have this value. */
        IMPLAUSIBLE
    }
}
