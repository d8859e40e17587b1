package org.yizhan.kiosk.visitlog;

import java.util.Map;

/**
 * Visit counts as a support engineer or centre manager asks for them.
 *
 * @param total      every visit in the log
 * @param today      visits since local midnight of the kiosk's time zone
 * @param byCategory all visits by category code, walk-ins under {@code walk-in}
 * @param byPurpose  all visits by purpose code
 */
public record VisitStats(long total, long today, Map<String, Long> byCategory, Map<String, Long> byPurpose) {

    public VisitStats {
        byCategory = Map.copyOf(byCategory);
        byPurpose = Map.copyOf(byPurpose);
    }
}
