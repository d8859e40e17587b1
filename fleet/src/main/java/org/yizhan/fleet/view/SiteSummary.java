package org.yizhan.fleet.view;

import java.util.List;
import java.util.Objects;

/**
 * A site (service centre) and its kiosks at a glance.
 *
 * @param site   the site's topic level, e.g. {@code pujin}
 * @param name   its display name from the latest birth of one of its kiosks; the topic level when none
 * @param kiosks its kiosks, ordered by id
 */
public record SiteSummary(String site, String name, List<KioskSummary> kiosks) {

    public SiteSummary {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        kiosks = List.copyOf(kiosks);
    }
}
