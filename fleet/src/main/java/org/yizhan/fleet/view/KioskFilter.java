package org.yizhan.fleet.view;

import java.util.Locale;
import java.util.Objects;

/**
 * Which kiosks the list shows and in what order.
 *
 * @param text       kept when the kiosk's id, site name or app version contains it, ignoring case; empty for all
 * @param condition  only kiosks in this condition; null for all
 * @param site       only this site's kiosks; null for all
 * @param sort       the column to sort by
 * @param descending true to reverse the order
 */
public record KioskFilter(String text, KioskCondition condition, String site, Sort sort, boolean descending) {

    public static final KioskFilter ALL = new KioskFilter("", null, null, Sort.ID, false);

    public enum Sort { ID, CONDITION, LAST_SEEN, APP_VERSION }

    public KioskFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(sort, "sort");
    }
}
