package org.yizhan.fleet.web.overview;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.FleetOverview;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.view.SiteSummary;
import org.yizhan.fleet.web.alert.AlertJson;
import org.yizhan.fleet.web.alert.AlertRoutes;
import org.yizhan.fleet.web.kiosk.KioskJson;
import org.yizhan.fleet.web.kiosk.KioskRow;
import org.yizhan.fleet.web.page.ConditionLabel;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.TimeText;

/**
 * The overview: how many kiosks are online, degraded and lost, every site with a tile per kiosk, and the open
 * alerts; {@code GET /api/v1/overview} is the same in JSON.
 */
public final class OverviewRoutes {

    /** The overview lists the newest open alerts; the alerts page has them all. */
    static final int ALERTS_SHOWN = 8;

    private final FleetView view;
    private final ConsolePage page;

    public OverviewRoutes(FleetView view, ConsolePage page) {
        this.view = Objects.requireNonNull(view, "view");
        this.page = Objects.requireNonNull(page, "page");
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/", this::page);
        routes.get("/api/v1/overview", this::json);
    }

    /** A count of the overview's head, with its condition's colour, symbol and word. */
    public record Count(ConditionLabel condition, int count, String href) {
    }

    /** A site as a card of tiles. */
    public record SiteCard(String site, String name, String href, String attention, List<KioskRow> kiosks) {
    }

    private void page(Context ctx) {
        Messages messages = ConsolePage.messages(ctx);
        TimeText time = page.timeText(messages);
        Instant now = page.clock().instant();
        FleetOverview overview = view.overview();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("counts", List.of(
                count(KioskCondition.ONLINE, overview.online(), messages),
                count(KioskCondition.DEGRADED, overview.degraded(), messages),
                count(KioskCondition.LOST, overview.lost(), messages)));
        model.put("summary", messages.format("overview.summary", overview.total(), overview.sites().size()));
        model.put("sites", overview.sites().stream().map(site -> card(site, messages, time, now))
                .collect(Collectors.toList()));
        model.put("noKiosks", overview.total() == 0);
        model.put("alerts", AlertRoutes.rows(overview.openAlerts().stream().limit(ALERTS_SHOWN)
                .collect(Collectors.toList()), messages, time, now));
        model.put("moreAlerts", overview.openAlerts().size() > ALERTS_SHOWN ? overview.openAlerts().size() : null);
        model.put("noAlerts", overview.openAlerts().isEmpty());
        page.render(ctx, "overview", "overview.title", "overview", model);
    }

    private void json(Context ctx) {
        FleetOverview overview = view.overview();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("online", overview.online());
        json.put("degraded", overview.degraded());
        json.put("lost", overview.lost());
        json.put("total", overview.total());
        json.put("sites", overview.sites().stream().map(site -> Map.of("site", site.site(), "name", site.name(),
                "kiosks", site.kiosks().stream().map(KioskJson::of).collect(Collectors.toList())))
                .collect(Collectors.toList()));
        json.put("openAlerts", overview.openAlerts().stream().map(AlertJson::of).collect(Collectors.toList()));
        ctx.json(json);
    }

    private static Count count(KioskCondition condition, int count, Messages messages) {
        return new Count(ConditionLabel.of(condition, messages), count, "/kiosks?condition=" + condition.code());
    }

    private static SiteCard card(SiteSummary site, Messages messages, TimeText time, Instant now) {
        List<KioskRow> tiles = site.kiosks().stream().map(kiosk -> KioskRow.of(kiosk, messages, time, now))
                .collect(Collectors.toList());
        long notOnline = site.kiosks().stream().map(KioskSummary::condition)
                .filter(condition -> condition != KioskCondition.ONLINE).count();
        return new SiteCard(site.site(), site.name(), "/kiosks?site=" + ConsolePage.encode(site.site()),
                notOnline == 0 ? null : messages.format("overview.not-online", notOnline), tiles);
    }
}
