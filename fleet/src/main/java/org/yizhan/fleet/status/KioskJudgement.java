package org.yizhan.fleet.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.yizhan.fleet.view.KioskCondition;

/**
 * How a kiosk is doing at one instant, and why.
 *
 * @param condition online, degraded or lost
 * @param reasons   one short English line per cause, with the measured value; empty when online. The text
 *                  depends only on what was received, not on the time of judging, so it changes only when
 *                  the cause does
 * @param lostSince when the kiosk became lost (its offline state arrived, or its health became overdue); null
 *                  unless lost
 */
public record KioskJudgement(KioskCondition condition, List<String> reasons, Instant lostSince) {

    public KioskJudgement {
        Objects.requireNonNull(condition, "condition");
        reasons = List.copyOf(reasons);
        if ((condition == KioskCondition.LOST) != (lostSince != null)) {
            throw new IllegalArgumentException("lostSince is given exactly when lost");
        }
    }
}
