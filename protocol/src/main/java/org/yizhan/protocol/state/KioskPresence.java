package org.yizhan.protocol.state;

/**
 * The rule by which the fleet keeps a kiosk's state, applied to each {@code state} message in the order it
 * arrives. A will is sent by the broker, possibly late: after a network loss the kiosk may reconnect (a new
 * birth sequence, online) before the broker notices the old connection is dead and publishes its will (the
 * old birth sequence, offline). The rule:
 * <ol>
 * <li>nothing known yet: take the incoming state;</li>
 * <li>a larger birth sequence: take it, online or offline (it is a later connection);</li>
 * <li>a smaller birth sequence: ignore it (a stale will, or a late copy of an old online);</li>
 * <li>the same birth sequence: offline wins. That connection has ended, and an online of the same
 * connection arriving after its offline is a re-delivered copy.</li>
 * </ol>
 * Pure: no clock, no I/O, the same answer for the same arguments.
 */
public final class KioskPresence {

    private KioskPresence() {
    }

    /** The state to keep: {@code current} (possibly null when nothing is known) or {@code incoming}. */
    public static KioskState apply(KioskState current, KioskState incoming) {
        if (current == null) {
            return incoming;
        }
        if (incoming.birthSeq() != current.birthSeq()) {
            return incoming.birthSeq() > current.birthSeq() ? incoming : current;
        }
        if (!incoming.online() && current.online()) {
            return incoming;
        }
        return current;
    }

    /** Whether {@code incoming} would replace {@code current}. */
    public static boolean supersedes(KioskState current, KioskState incoming) {
        return apply(current, incoming) == incoming && incoming != current;
    }
}
