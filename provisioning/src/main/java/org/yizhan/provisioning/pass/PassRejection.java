package org.yizhan.provisioning.pass;

/** Why a scanned text was not accepted as a pass; {@link #code()} is stable and safe to log or count. */
public enum PassRejection {
    MALFORMED("malformed"),
    UNKNOWN_KEY("unknown-key"),
    BAD_SIGNATURE("bad-signature"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid"),
    REVOKED("revoked"),
    NOT_A_PASS("not-a-pass");

    private final String code;

    PassRejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
