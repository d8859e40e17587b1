package org.yizhan.fleet.view;

import java.util.List;

/**
 * The overview page: how many kiosks are in each condition, every site with its kiosks, open alerts.
 *
 * @param online     kiosks online
 * @param degraded   kiosks degraded
 * @param lost       kiosks lost
 * @param sites      every site, ordered by id
 * @param openAlerts alerts not yet acknowledged, newest first
 */
public record FleetOverview(int online, int degraded, int lost, List<SiteSummary> sites, List<Alert> openAlerts) {

    public FleetOverview {
        sites = List.copyOf(sites);
        openAlerts = List.copyOf(openAlerts);
    }

    public int total() {
        return online + degraded + lost;
    }
}
