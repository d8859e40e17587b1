package org.yizhan.protocol.command;

import java.util.Objects;
import java.util.Optional;

/** What {@link CommandVerifier} decided. */
public sealed interface Verification {

    /** Signed by a trusted key, for this kiosk, in time, with valid arguments and a fresh nonce. */
    record Accepted(Command command) implements Verification {
        public Accepted {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * Refused.
     *
     * @param reason    the code for {@code cmd-result}
     * @param detail    one line for a maintainer; quotes at most a short excerpt of the input
     * @param commandId the id the payload claims, for correlation only (it may be forged); null when none
     *                  could be read
     */
    record Rejected(RejectionReason reason, String detail, String commandId) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public Optional<String> claimedId() {
            return Optional.ofNullable(commandId);
        }
    }
}
