package org.yizhan.devices.system;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of writing a small file with a fresh nonce into the data directory, syncing it, reading
 * it back and deleting it. A passed check shows the kernel accepts writes there (not read-only, not
 * full, permitted); it does not show the card keeps them, since the read-back may come from the cache.
 *
 * @param passed    whether the nonce came back
 * @param failure   what went wrong, for a maintainer; {@code null} when passed
 * @param checkedAt when the check ran
 */
public record WriteCheck(boolean passed, String failure, Instant checkedAt) {

    public WriteCheck {
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (passed != (failure == null)) {
            throw new IllegalArgumentException("a check fails with a reason, or passes without one");
        }
    }

    public static WriteCheck passed(Instant checkedAt) {
        return new WriteCheck(true, null, checkedAt);
    }

    public static WriteCheck failed(String failure, Instant checkedAt) {
        return new WriteCheck(false, failure, checkedAt);
    }
}
