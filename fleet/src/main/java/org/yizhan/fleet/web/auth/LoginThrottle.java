package org.yizhan.fleet.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed logins are counted per maintainer name and per client address. After
 * {@link #FREE_FAILURES} failures in a row for a name, or {@link #FREE_ADDRESS_FAILURES} from an address (which
 * may be a whole site behind one NAT, so it gets more), further attempts on it are refused, without checking the
 * password, for a lock-out that starts at {@link #FIRST_LOCKOUT} and doubles with every further failure, up to
 * {@link #MAX_LOCKOUT}. A successful login clears the name's and the address's count. Counts of names and
 * addresses that have been quiet for {@link #FORGET_AFTER} are forgotten. Thread-safe.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final int FREE_ADDRESS_FAILURES = 20;
    public static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    public static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** Failures in a row, and until when attempts are refused. */
    private record Record(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long attempts for this name from this address are still refused; empty when they may try. */
    public Optional<Duration> lockedFor(String maintainer, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(nameKey(maintainer), now), lockedUntil(addressKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String maintainer, String address) {
        Instant now = clock.instant();
        records.values().removeIf(r -> r.lastFailure().plus(FORGET_AFTER).isBefore(now));
        count(nameKey(maintainer), FREE_FAILURES, now);
        count(addressKey(address), FREE_ADDRESS_FAILURES, now);
    }

    public void succeeded(String maintainer, String address) {
        records.remove(nameKey(maintainer));
        records.remove(addressKey(address));
    }

    private void count(String key, int free, Instant now) {
        records.merge(key, new Record(1, now, free > 1 ? now : now.plus(lockout(1, free))), (old, first) -> {
            int failures = old.failures() + 1;
            return new Record(failures, now, failures < free ? now : now.plus(lockout(failures, free)));
        });
    }

    /** The lock-out after {@code failures} failures in a row, {@code free} of which were allowed. */
    static Duration lockout(int failures, int free) {
        int doublings = Math.min(failures - free, 10);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout;
    }

    private Instant lockedUntil(String key, Instant now) {
        Record record = records.get(key);
        return record == null ? now : record.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String nameKey(String maintainer) {
        return "name:" + (maintainer == null ? "" : maintainer);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
