package org.yizhan.fleet.store;

import java.util.List;
import org.yizhan.protocol.footfall.FootfallLedger;

/**
 * What a batch did.
 *
 * @param footfall    each bucket's outcome, in the batch's order
 * @param eventsAdded for each event, false when it was a copy of one already stored
 */
public record BatchResult(List<FootfallLedger.Outcome> footfall, List<Boolean> eventsAdded) {

    public BatchResult {
        footfall = List.copyOf(footfall);
        eventsAdded = List.copyOf(eventsAdded);
    }
}
