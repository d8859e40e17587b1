package org.yizhan.protocol.command;

/**
 * Why a kiosk refused a command; the code goes into {@code cmd-result}. {@link CommandVerifier} checks the
 * signature before it believes anything the claims say, and the claims in the order listed here from
 * {@link #UNKNOWN_COMMAND} on; claims that cannot be read at all are {@link #MALFORMED}.
 */
public enum RejectionReason {
    /** Not a compact JWS, undecodable segments, a header or claims missing or of the wrong type, too large. */
    MALFORMED("malformed"),
    /** Bare JSON, {@code alg: none}, or an empty signature. */
    UNSIGNED("unsigned"),
    /** Signed by a key the kiosk does not trust. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not verify with the key its kid names. */
    BAD_SIGNATURE("bad-signature"),
    /** A command name the kiosk does not know. */
    UNKNOWN_COMMAND("unknown-command"),
    /** The topic's command name is not the signed one. */
    WRONG_TOPIC("wrong-topic"),
    /** Signed for another kiosk. */
    WRONG_KIOSK("wrong-kiosk"),
    /** Past its notAfter by the kiosk's clock. */
    EXPIRED("expired"),
    /** Valid for longer than {@link Command#MAX_VALIDITY} after it was made. */
    VALIDITY_TOO_LONG("validity-too-long"),
    /** A config-set key outside {@link SafeConfigKey}. */
    NOT_ALLOWED("not-allowed"),
    /** Arguments that do not fit the command: missing, unknown, out of range. */
    BAD_ARGUMENTS("bad-arguments"),
    /** A nonce this kiosk has already obeyed. */
    REPLAYED_NONCE("replayed-nonce");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
