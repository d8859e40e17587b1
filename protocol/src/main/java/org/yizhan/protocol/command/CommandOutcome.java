package org.yizhan.protocol.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a command ended. */
public enum CommandOutcome {
    /** Verified and done. */
    OK("ok"),
    /** Refused by {@link CommandVerifier}; the reason is a {@link RejectionReason} code. */
    REJECTED("rejected"),
    /** Verified, but doing it failed; the reason is an open code such as {@code execution-failed}. */
    FAILED("failed");

    private final String code;

    CommandOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    static CommandOutcome fromCode(String code) {
        for (CommandOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("outcome is ok, rejected or failed, not '" + code + "'");
    }
}
