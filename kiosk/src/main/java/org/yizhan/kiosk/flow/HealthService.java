package org.yizhan.kiosk.flow;

import java.time.Instant;
import java.util.Optional;
import org.yizhan.devices.health.Measurement;

/**
 * What the health check needs from the kiosk beneath the flow: judging a reading, keeping it for a resident
 * who consented, counting it anonymously, and forgetting a resident on request. The flow decides when; this
 * decides how, so the flow never sees SQL or guideline tables.
 *
 * <p>Threading: called on the kiosk thread; every write is durable before it returns.
 */
public interface HealthService {

    /** A kiosk without a health check: every reading is refused as not supported. */
    HealthService NONE = new HealthService() {
        @Override
        public HealthOutcome record(Measurement measurement, String pseudonym, Instant at) {
            return new HealthOutcome.Refused("unsupported", "this kiosk has no health check");
        }

        @Override
        public int forget(String pseudonym) {
            return 0;
        }

        @Override
        public Optional<String> identify(String scanned) {
            return Optional.empty();
        }
    };

    /**
     * Judges {@code measurement} and counts it anonymously; when {@code pseudonym} is given (the resident chose
     * a history and scanned their pass), also keeps it under that pseudonym. A refused reading (implausible)
     * is neither kept nor counted.
     */
    HealthOutcome record(Measurement measurement, String pseudonym, Instant at);

    /** Deletes every reading kept under {@code pseudonym}; returns how many there were. */
    int forget(String pseudonym);

    /** The pseudonym of a valid visitor pass, or empty with the pass refused. */
    Optional<String> identify(String scanned);

    /** What became of one reading. */
    sealed interface HealthOutcome {

        record Assessed(HealthResult result) implements HealthOutcome {
        }

        /**
         * @param reason a code, e.g. {@code implausible}
         * @param detail one line for a support engineer, e.g. {@code diastolic 95 is not below systolic 90}
         */
        record Refused(String reason, String detail) implements HealthOutcome {
        }
    }
}
