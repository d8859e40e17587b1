package org.yizhan.fleetsim;

import java.util.List;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.topic.KioskId;

/**
 * What one simulated kiosk did in a run.
 *
 * @param kiosk          which
 * @param everConnected  whether the broker accepted it at least once
 * @param killed         whether it was killed
 * @param connectFailure why its last connect failed, when it never connected; else null
 * @param acknowledged   each bucket the broker acknowledged, at its highest acknowledged revision
 * @param unacknowledged buckets whose latest revision the broker did not acknowledge
 */
record KioskReport(KioskId kiosk, boolean everConnected, boolean killed, String connectFailure,
        List<Footfall> acknowledged, List<UnacknowledgedBucket> unacknowledged) {
}
