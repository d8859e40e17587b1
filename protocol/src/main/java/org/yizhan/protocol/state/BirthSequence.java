package org.yizhan.protocol.state;

import java.time.Instant;

/**
 * How a kiosk numbers its connections: the Unix time in seconds of the connect, or one more than the last
 * number when the clock says less. It only ever grows while the kiosk keeps its last number (stored in its
 * database), also when its clock jumps back; and a kiosk that lost its data (a new SD card) starts at the
 * current time again, above any number it used before — unless it reconnected more than once a second on
 * average, which its reconnect backoff forbids. A counter starting at 1 would instead leave a re-imaged
 * kiosk below its own old wills, and the fleet would ignore it.
 */
public final class BirthSequence {

    private BirthSequence() {
    }

    /** The birth sequence of a new connect, given the last one (0 when none is stored). */
    public static long next(long previous, Instant now) {
        return Math.max(Math.addExact(previous, 1), Math.max(1, now.getEpochSecond()));
    }
}
