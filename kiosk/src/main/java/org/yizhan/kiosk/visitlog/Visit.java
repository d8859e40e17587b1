package org.yizhan.kiosk.visitlog;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * One visit to the window.
 *
 * @param id        a ULID, unique across kiosks, sortable by time
 * @param visitorId the pass's pseudonymous subject, or {@code null} for a walk-in; never the raw pass
 * @param category  the pass's category code ({@code resident}, {@code rider}, …) or {@code walk-in}
 * @param purpose   why the visitor came; may be changed shortly after check-in
 * @param at        when the visitor checked in
 */
public record Visit(String id, String visitorId, String category, Purpose purpose, Instant at) {

    public static final String WALK_IN = "walk-in";

    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
    }

    public boolean walkIn() {
        return visitorId == null;
    }

    public Visit withPurpose(Purpose newPurpose) {
        return new Visit(id, visitorId, category, newPurpose, at);
    }
}
