package org.yizhan.fleetsim;

import java.util.ArrayList;
import java.util.List;
import org.yizhan.protocol.topic.KioskId;

/**
 * Which kiosks a run simulates: {@code kiosks} ids spread in order over {@code sites} sites, as evenly as they go
 * (the first sites take one more when they do not divide), e.g. 25 kiosks over 3 sites are {@code sim-001/kiosk-01}
 * to {@code sim-001/kiosk-09}, then 8 each at {@code sim-002} and {@code sim-003}. Numbers are zero-padded to the
 * width of the largest, at least 3 digits for sites and 2 for kiosks, so ids sort as they are numbered.
 */
public final class FleetLayout {

    private FleetLayout() {
    }

    public static List<KioskId> kiosks(String sitePrefix, int kiosks, int sites) {
        if (sites < 1 || sites > kiosks) {
            throw new IllegalArgumentException("sites: must be 1 to " + kiosks + ", not " + sites);
        }
        int perSite = kiosks / sites;
        int larger = kiosks % sites;
        String siteFormat = sitePrefix + "-%0" + Math.max(3, digits(sites)) + "d";
        String kioskFormat = "kiosk-%0" + Math.max(2, digits(perSite + (larger > 0 ? 1 : 0))) + "d";
        List<KioskId> ids = new ArrayList<>(kiosks);
        for (int site = 1; site <= sites; site++) {
            int here = perSite + (site <= larger ? 1 : 0);
            for (int kiosk = 1; kiosk <= here; kiosk++) {
                ids.add(new KioskId(String.format(siteFormat, site), String.format(kioskFormat, kiosk)));
            }
        }
        return List.copyOf(ids);
    }

    /**
     * {@code template} with {@code {site}} and {@code {kiosk}} replaced by the kiosk's, e.g. {@code {site}.{kiosk}}
     * for a broker with one user per kiosk; null stays null.
     */
    public static String fill(String template, KioskId kiosk) {
        return template == null ? null : template.replace("{site}", kiosk.site()).replace("{kiosk}", kiosk.kiosk());
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }
}
