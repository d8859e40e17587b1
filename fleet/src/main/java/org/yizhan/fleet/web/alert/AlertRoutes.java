package org.yizhan.fleet.web.alert;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.web.auth.AccessGuard;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.TimeText;

/**
 * The alerts page (open ones, or all with {@code ?all=true}) with an acknowledge button per open alert, and the
 * same in the JSON API. Acknowledging is done in the logged-in maintainer's name; an alert acknowledged twice
 * keeps its first acknowledgement (FleetView's rule), and an unknown id is 404.
 */
public final class AlertRoutes {

    private final FleetView view;
    private final ConsolePage page;

    public AlertRoutes(FleetView view, ConsolePage page) {
        this.view = Objects.requireNonNull(view, "view");
        this.page = Objects.requireNonNull(page, "page");
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/alerts", this::page);
        routes.post("/alerts/{id}/acknowledge", this::acknowledgeFromForm);
        routes.get("/api/v1/alerts", ctx -> ctx.json(alerts(ctx).stream().map(AlertJson::of)
                .collect(Collectors.toList())));
        routes.post("/api/v1/alerts/{id}/acknowledge", this::acknowledgeFromJson);
    }

    /** The open alerts as rows, for the overview too. */
    public static List<AlertRow> rows(List<Alert> alerts, Messages messages, TimeText time, Instant now) {
        return alerts.stream().map(alert -> AlertRow.of(alert, messages, time, now)).collect(Collectors.toList());
    }

    private List<Alert> alerts(Context ctx) {
        return view.alerts("true".equals(ctx.queryParam("all")));
    }

    private void page(Context ctx) {
        Messages messages = ConsolePage.messages(ctx);
        boolean all = "true".equals(ctx.queryParam("all"));
        List<AlertRow> rows = rows(alerts(ctx), messages, page.timeText(messages), page.clock().instant());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("all", all);
        model.put("alerts", rows);
        model.put("none", rows.isEmpty());
        page.render(ctx, "alerts", "alerts.title", "alerts", model);
    }

    private void acknowledgeFromForm(Context ctx) {
        Optional<Alert> alert = acknowledge(ctx);
        if (alert.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such alert");
            return;
        }
        ctx.redirect("true".equals(ctx.formParam("all")) ? "/alerts?all=true" : "/alerts", HttpStatus.SEE_OTHER);
    }

    private void acknowledgeFromJson(Context ctx) {
        Optional<Alert> alert = acknowledge(ctx);
        if (alert.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not-found", "message", "no such alert"));
            return;
        }
        ctx.json(AlertJson.of(alert.get()));
    }

    private Optional<Alert> acknowledge(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return view.acknowledge(id, AccessGuard.session(ctx).maintainer());
    }
}
