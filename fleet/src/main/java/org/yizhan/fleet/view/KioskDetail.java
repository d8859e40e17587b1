package org.yizhan.fleet.view;

import java.util.List;
import java.util.Objects;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.state.KioskState;

/**
 * Everything the kiosk page shows apart from charts and footfall.
 *
 * @param summary      its row
 * @param state        its latest retained state; null when none arrived
 * @param birth        its latest birth; null when none arrived
 * @param health       its latest health; null when none arrived
 * @param recentEvents its latest events, newest first (at most the number the query asked for)
 */
public record KioskDetail(KioskSummary summary, KioskState state, Birth birth, Health health,
        List<EventRecord> recentEvents) {

    public KioskDetail {
        Objects.requireNonNull(summary, "summary");
        recentEvents = List.copyOf(recentEvents);
    }
}
