package org.yizhan.kiosk.telemetry.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How large the outbox may grow while the broker is away, and what happens as it fills.
 *
 * <p>At {@code nearFullFraction} of either limit the outbox raises one {@code outbox-near-full} alert and the
 * publisher merges old footfall buckets (see {@link SqliteOutbox}); the alert is raised again only after the
 * outbox has drained below half of both limits. At the limits, change events (info events that are not
 * lifecycle messages, {@link OutboxPriority#CHANGE}) are refused; alerts, lifecycle events and footfall are
 * always taken (they bypass the cap), so the limits bound the outbox except for those, which compaction
 * keeps small.
 *
 * @param maxRows          messages the outbox holds before it refuses changes; 50,000 by default
 * @param maxBytes         payload bytes it holds before it refuses changes; 64 MiB by default
 * @param nearFullFraction the share of either limit that counts as near full, in (0, 1]; 0.8 by default
 * @param compactAfter     how old a footfall bucket must be (its end before now minus this) before it may be
 *                         merged; a day by default, so the fleet gets the recent past at full resolution
 */
public record OutboxLimits(long maxRows, long maxBytes, double nearFullFraction, Duration compactAfter) {

    public static final OutboxLimits DEFAULT = of(50_000, 64L * 1024 * 1024);

    public OutboxLimits {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
        if (!(nearFullFraction > 0 && nearFullFraction <= 1)) {
            throw new IllegalArgumentException("nearFullFraction must be in (0, 1], not " + nearFullFraction);
        }
        Objects.requireNonNull(compactAfter, "compactAfter");
        if (compactAfter.isNegative()) {
            throw new IllegalArgumentException("compactAfter must not be negative, not " + compactAfter);
        }
    }

    /** These limits with the default near-full share (0.8) and compaction age (a day). */
    public static OutboxLimits of(long maxRows, long maxBytes) {
        return new OutboxLimits(maxRows, maxBytes, 0.8, Duration.ofDays(1));
    }

    /** Whether an outbox of this size is near full. */
    public boolean nearFull(long rows, long bytes) {
        return rows >= maxRows * nearFullFraction || bytes >= maxBytes * nearFullFraction;
    }

    /** Whether one more message of {@code size} bytes would pass a limit. */
    public boolean wouldOverflow(long rows, long bytes, long size) {
        return rows + 1 > maxRows || bytes + size > maxBytes;
    }

    /** Whether the outbox has drained far enough for the near-full alert to be raised again. */
    public boolean rearms(long rows, long bytes) {
        return rows < maxRows / 2.0 && bytes < maxBytes / 2.0;
    }
}
