package org.yizhan.protocol.command;

import java.time.Instant;

/**
 * The memory of command nonces a kiosk has obeyed. A nonce needs remembering only until its command's
 * notAfter: after that the command is refused as expired anyway. The kiosk keeps it durably, so that a
 * {@code restart} re-delivered after the restart is not obeyed twice.
 */
public interface SeenNonces {

    /**
     * Records {@code nonce} until {@code forgetAfter} and returns true, or returns false when it is already
     * recorded. Atomic.
     */
    boolean firstSight(String nonce, Instant forgetAfter);
}
