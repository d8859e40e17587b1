package org.yizhan.fleetsim;

import java.time.Instant;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * A footfall bucket whose latest revision the broker did not acknowledge: not counted in the totals. A console has
 * it when it was sent and reached the broker before the connection ended; the reason says whether it was sent.
 *
 * @param kiosk                 {@code site/kiosk}
 * @param bucketStart           which bucket
 * @param revision              the revision that was not acknowledged
 * @param acknowledgedRevision  the highest revision of it that was, counted in the totals; null when none was
 * @param counts                the counts of the unacknowledged revision
 * @param reason                why: the broker refused it, or it was never sent, or it was sent and no PUBACK came
 *                              (the broker may have it), before the run ended or the kiosk was killed
 */
public record UnacknowledgedBucket(String kiosk, Instant bucketStart, int revision, Integer acknowledgedRevision,
        FootfallCounts counts, String reason) {
}
