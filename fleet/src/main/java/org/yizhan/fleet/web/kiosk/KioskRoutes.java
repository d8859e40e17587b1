package org.yizhan.fleet.web.kiosk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskDetail;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.view.SiteSummary;
import org.yizhan.fleet.web.command.CommandStatus;
import org.yizhan.fleet.web.command.SentCommands;
import org.yizhan.fleet.web.page.ConditionLabel;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.TimeText;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.topic.KioskId;

/**
 * The kiosk list (filtered, searched and sorted on the server, so a link keeps the view) and each kiosk's page:
 * its facts, devices, recent events, the commands sent to it, and charts drawn from
 * {@code GET /api/v1/kiosks/{site}/{kiosk}/health}. The JSON API mirrors both. An unknown or malformed kiosk
 * id is 404; a bad filter value is 400 naming the parameter.
 */
public final class KioskRoutes {

    /** A page of more rows is slow to load and to refresh; the filter and the JSON API reach the rest. */
    static final int PAGE_ROWS = 500;
    static final int RECENT_EVENTS = 30;
    static final int RECENT_COMMANDS = 10;
    /** The charts show a day; the API allows a week per request so a client cannot ask for years at once. */
    static final Duration CHART_SPAN = Duration.ofHours(24);
    static final Duration MAX_HEALTH_SPAN = Duration.ofDays(7);

    private final FleetView view;
    private final SentCommands commands;
    private final ConsolePage page;

    public KioskRoutes(FleetView view, SentCommands commands, ConsolePage page) {
        this.view = Objects.requireNonNull(view, "view");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.page = Objects.requireNonNull(page, "page");
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/kiosks", this::list);
        routes.get("/kiosks/{site}/{kiosk}", this::detail);
        routes.get("/api/v1/kiosks", ctx -> ctx.json(view.kiosks(filter(ctx)).stream().map(KioskJson::of)
                .collect(Collectors.toList())));
        routes.get("/api/v1/kiosks/{site}/{kiosk}", this::detailJson);
        routes.get("/api/v1/kiosks/{site}/{kiosk}/health", this::healthJson);
    }

    /** An option of a select. */
    public record Option(String value, String text, boolean selected) {
    }

    /** A sortable column's head: a link that sorts by it, or reverses the order when it is the current one. */
    public record Column(String text, String href, String order, String arrow) {
    }

    /** One line of the facts table. */
    public record Fact(String label, String value, boolean warn) {
    }

    /** A device on the kiosk page. */
    public record DeviceLine(String name, String kind, ConditionLabel state, String since, String lastError) {
    }

    /** An event on the kiosk page. */
    public record EventLine(String at, String ago, ConditionLabel severity, String kind, String message, String device,
            boolean replayed) {
    }

    /** A command on the kiosk page. */
    public record CommandLine(String id, String name, String summary, String sentBy, String sentAt,
            ConditionLabel status, String statusText, String message, boolean waiting, String result) {
    }

    private void list(Context ctx) {
        KioskFilter filter = filter(ctx);
        Messages messages = ConsolePage.messages(ctx);
        TimeText time = page.timeText(messages);
        Instant now = page.clock().instant();
        List<KioskSummary> found = view.kiosks(filter);
        List<KioskRow> rows = found.stream().limit(PAGE_ROWS).map(k -> KioskRow.of(k, messages, time, now))
                .collect(Collectors.toList());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", ctx.queryParam("q") == null ? "" : ctx.queryParam("q"));
        List<Option> conditions = new ArrayList<>();
        conditions.add(new Option("", messages.text("kiosks.any-condition"), filter.condition() == null));
        for (KioskCondition condition : KioskCondition.values()) {
            conditions.add(new Option(condition.code(), messages.text("condition." + condition.code()),
                    condition == filter.condition()));
        }
        model.put("conditions", conditions);
        List<Option> sites = new ArrayList<>();
        sites.add(new Option("", messages.text("kiosks.any-site"), filter.site() == null));
        for (SiteSummary site : view.overview().sites()) {
            sites.add(new Option(site.site(), site.name() + " (" + site.site() + ")",
                    site.site().equals(filter.site())));
        }
        model.put("sites", sites);
        model.put("columns", columns(ctx, filter, messages));
        model.put("kiosks", rows);
        model.put("count", found.size() > PAGE_ROWS ? messages.format("kiosks.count-limited", PAGE_ROWS, found.size())
                : messages.format("kiosks.count", found.size()));
        model.put("none", rows.isEmpty());
        page.render(ctx, "kiosks", "kiosks.title", "kiosks", model);
    }

    private void detail(Context ctx) {
        Optional<KioskId> id = kioskId(ctx);
        Optional<KioskDetail> found = id.flatMap(k -> view.kiosk(k, RECENT_EVENTS));
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            page.render(ctx, "not-found", "not-found.title", "kiosks", Map.of());
            return;
        }
        KioskDetail detail = found.get();
        Messages messages = ConsolePage.messages(ctx);
        TimeText time = page.timeText(messages);
        Instant now = page.clock().instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kiosk", KioskRow.of(detail.summary(), messages, time, now));
        model.put("reasons", detail.summary().reasons());
        model.put("hasReasons", !detail.summary().reasons().isEmpty());
        model.put("liveKiosk", detail.summary().id().toString());
        model.put("charts", true);
        model.put("facts", facts(detail, messages, time, now));
        model.put("devices", devices(detail, messages, time));
        List<EventLine> events = detail.recentEvents().stream().map(e -> eventLine(e, messages, time, now))
                .collect(Collectors.toList());
        model.put("events", events);
        model.put("noEvents", events.isEmpty());
        List<CommandLine> sent = commands.recent(detail.summary().id(), RECENT_COMMANDS).stream()
                .map(c -> commandLine(c, messages, time)).collect(Collectors.toList());
        model.put("commands", sent);
        model.put("noCommands", sent.isEmpty());
        model.put("commandAction", KioskRow.href(detail.summary()) + "/commands");
        model.put("healthUrl", "/api/v1/kiosks/" + detail.summary().id().site() + "/" + detail.summary().id().kiosk()
                + "/health");
        // the kiosk's id is what a maintainer looks for among the browser's tabs
        model.put("title", detail.summary().id() + " · " + messages.text("kiosk.title"));
        page.render(ctx, "kiosk", "kiosk.title", "kiosks", model);
    }

    private void detailJson(Context ctx) {
        Optional<KioskDetail> found = kioskId(ctx).flatMap(k -> view.kiosk(k, events(ctx)));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        KioskDetail detail = found.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kiosk", KioskJson.of(detail.summary()));
        json.put("state", detail.state());
        json.put("birth", detail.birth());
        json.put("health", detail.health());
        json.put("recentEvents", detail.recentEvents().stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("received", e.received());
            event.put("event", e.event());
            return event;
        }).collect(Collectors.toList()));
        ctx.json(json);
    }

    private void healthJson(Context ctx) {
        Optional<KioskId> id = kioskId(ctx);
        if (id.isEmpty() || view.kiosk(id.get(), 0).isEmpty()) {
            notFound(ctx);
            return;
        }
        Instant to = instant(ctx, "to", page.clock().instant());
        Instant from = instant(ctx, "from", to.minus(CHART_SPAN));
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_HEALTH_SPAN) > 0) {
            throw new IllegalArgumentException("from must be before to, at most 7 days apart");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kiosk", id.get().toString());
        json.put("from", from);
        json.put("to", to);
        json.put("points", view.healthHistory(id.get(), from, to));
        ctx.json(json);
    }

    /** The list's filter from {@code q}, {@code condition}, {@code site}, {@code sort} and {@code desc}. */
    static KioskFilter filter(Context ctx) {
        KioskCondition condition = null;
        String conditionCode = blankToNull(ctx.queryParam("condition"));
        if (conditionCode != null) {
            condition = Arrays.stream(KioskCondition.values()).filter(c -> c.code().equals(conditionCode))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("condition: '" + conditionCode
                            + "' is not online, degraded or lost"));
        }
        KioskFilter.Sort sort = KioskFilter.Sort.ID;
        String sortCode = blankToNull(ctx.queryParam("sort"));
        if (sortCode != null) {
            try {
                sort = KioskFilter.Sort.valueOf(sortCode.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort: '" + sortCode + "' is not id, condition, last-seen or"
                        + " app-version");
            }
        }
        return new KioskFilter(ctx.queryParam("q"), condition, blankToNull(ctx.queryParam("site")), sort,
                "true".equals(ctx.queryParam("desc")));
    }

    private static List<Column> columns(Context ctx, KioskFilter filter, Messages messages) {
        List<Column> columns = new ArrayList<>();
        for (KioskFilter.Sort sort : KioskFilter.Sort.values()) {
            String code = sort.name().toLowerCase(Locale.ROOT).replace('_', '-');
            boolean current = sort == filter.sort();
            boolean descending = current && !filter.descending();
            StringBuilder href = new StringBuilder("/kiosks?");
            for (String name : new String[] {"q", "condition", "site"}) {
                String value = ctx.queryParam(name);
                if (value != null && !value.isBlank()) {
                    href.append(name).append('=').append(ConsolePage.encode(value)).append('&');
                }
            }
            href.append("sort=").append(code).append(descending ? "&desc=true" : "");
            String arrow = !current ? "" : filter.descending() ? "▼" : "▲";
            String order = !current ? null : filter.descending() ? "descending" : "ascending";
            columns.add(new Column(messages.text("kiosks.column." + code), href.toString(), order, arrow));
        }
        return columns;
    }

    private static List<Fact> facts(KioskDetail detail, Messages messages, TimeText time, Instant now) {
        List<Fact> facts = new ArrayList<>();
        if (detail.state() != null) {
            String state = messages.text("presence." + detail.state().state().code())
                    + (detail.state().reason() == null ? "" : " (" + detail.state().reason() + ")");
            facts.add(new Fact(messages.text("kiosk.fact.presence"), state, !detail.state().online()));
        }
        facts.add(new Fact(messages.text("kiosk.fact.last-seen"), time.ago(detail.summary().lastSeen(), now) + " · "
                + time.localSeconds(detail.summary().lastSeen()), false));
        Health health = detail.health();
        if (health != null) {
            SystemReadings s = health.system();
            facts.add(new Fact(messages.text("kiosk.fact.cpu"), number(s.cpuCelsius(), "%.1f °C"),
                    s.cpuCelsius() != null && s.cpuCelsius() >= 80));
            facts.add(new Fact(messages.text("kiosk.fact.load"), s.load1() == null ? "—"
                    : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", s.load1(), s.load5(), s.load15()), false));
            facts.add(new Fact(messages.text("kiosk.fact.memory"), s.memoryAvailableMb() == null ? "—"
                    : s.memoryAvailableMb() + " / " + s.memoryTotalMb() + " MiB", false));
            facts.add(new Fact(messages.text("kiosk.fact.disk"), s.dataFreeMb() == null ? "—"
                    : String.format(Locale.ROOT, "%d MiB (%.1f %%)", s.dataFreeMb(), s.dataFreePercent()),
                    s.dataFreePercent() != null && s.dataFreePercent() < 10));
            facts.add(new Fact(messages.text("kiosk.fact.power"), power(s, messages),
                    Boolean.TRUE.equals(s.underVoltageNow()) || Boolean.TRUE.equals(s.throttledNow())));
            facts.add(new Fact(messages.text("kiosk.fact.storage"), storage(s, messages),
                    Boolean.TRUE.equals(s.readOnly()) || (s.ext4Errors() != null && s.ext4Errors() > 0)));
            facts.add(new Fact(messages.text("kiosk.fact.uptime"), s.uptimeSeconds() == null ? "—"
                    : messages.format("kiosk.uptime", s.uptimeSeconds() / 86_400, s.uptimeSeconds() % 86_400 / 3600),
                    false));
            facts.add(new Fact(messages.text("kiosk.fact.outbox"), messages.format("kiosk.outbox",
                    health.outbox().rows()) + " · " + bytes(health.outbox().bytes())
                    + (health.outbox().oldest() == null ? "" : " · " + time.ago(health.outbox().oldest(), now)),
                    health.outbox().rows() > 1000));
            facts.add(new Fact(messages.text("kiosk.fact.check-ins"), (health.checkInsToday() == null ? "—"
                    : String.valueOf(health.checkInsToday())) + (health.lastCheckIn() == null ? ""
                    : " · " + messages.text("kiosk.last-check-in") + " " + time.ago(health.lastCheckIn(), now)),
                    false));
        }
        Birth birth = detail.birth();
        if (birth != null) {
            facts.add(new Fact(messages.text("kiosk.fact.software"), "Yizhan " + birth.appVersion() + " · Java "
                    + birth.javaVersion(), false));
            facts.add(new Fact(messages.text("kiosk.fact.system"), birth.os() + (birth.kernel() == null ? ""
                    : " · " + birth.kernel()) + " · " + birth.arch(), false));
            if (birth.piModel() != null) {
                facts.add(new Fact(messages.text("kiosk.fact.board"), birth.piModel()
                        + (birth.piSerial() == null ? "" : " · " + birth.piSerial()), false));
            }
            facts.add(new Fact(messages.text("kiosk.fact.connected"), time.localSeconds(birth.envelope().ts())
                    + " · " + messages.format("kiosk.health-every", birth.healthIntervalSeconds()), false));
        }
        return facts;
    }

    private static List<DeviceLine> devices(KioskDetail detail, Messages messages, TimeText time) {
        Map<String, String> kinds = new LinkedHashMap<>();
        if (detail.birth() != null) {
            for (DeviceInfo device : detail.birth().devices()) {
                kinds.put(device.name(), device.kind());
            }
        }
        List<DeviceLine> lines = new ArrayList<>();
        for (DeviceStatus device : detail.summary().devices()) {
            lines.add(new DeviceLine(device.device(), kinds.getOrDefault(device.device(), ""),
                    ConditionLabel.of(device.state(), messages), time.local(device.since()),
                    device.lastError() == null ? "" : device.lastError()));
        }
        return lines;
    }

    private static EventLine eventLine(EventRecord record, Messages messages, TimeText time, Instant now) {
        Instant at = record.event().envelope().ts();
        return new EventLine(time.localSeconds(at), time.ago(at, now), ConditionLabel.of(record.event().severity(),
                messages), messages.codeText("event-kind.", record.event().kind()), record.event().message(),
                record.event().device() == null ? "" : record.event().device(), record.event().envelope().replayed());
    }

    private static CommandLine commandLine(CommandStatus status, Messages messages, TimeText time) {
        KioskCondition like = switch (status.status()) {
            case "ok" -> KioskCondition.ONLINE;
            case "waiting" -> KioskCondition.DEGRADED;
            default -> KioskCondition.LOST;
        };
        ConditionLabel label = new ConditionLabel(status.status().equals("waiting") ? "waiting" : like.code(),
                status.status().equals("waiting") ? "…" : ConditionLabel.of(like, messages).symbol(),
                messages.codeText("command-status.", status.status()));
        String result = status.result().isEmpty() ? "" : status.result().toString();
        return new CommandLine(status.id(), messages.codeText("command.", status.name()), status.summary(),
                status.sentBy(), time.localSeconds(status.sentAt()), label, label.text(),
                status.message() == null ? "" : status.message()
                        + (status.reason() == null ? "" : " (" + status.reason() + ")"), !status.done(), result);
    }

    private static String power(SystemReadings s, Messages messages) {
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(s.underVoltageNow())) {
            problems.add(messages.text("kiosk.under-voltage-now"));
        } else if (Boolean.TRUE.equals(s.underVoltageSinceBoot())) {
            problems.add(messages.text("kiosk.under-voltage-recently"));
        }
        if (Boolean.TRUE.equals(s.throttledNow())) {
            problems.add(messages.text("kiosk.throttled"));
        }
        return problems.isEmpty() ? messages.text("kiosk.power-ok") : String.join(" · ", problems);
    }

    private static String storage(SystemReadings s, Messages messages) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.text(Boolean.TRUE.equals(s.readOnly()) ? "kiosk.read-only" : "kiosk.writable"));
        if (s.ext4Errors() != null) {
            parts.add(messages.format("kiosk.ext4-errors", s.ext4Errors()));
        }
        if (s.emmcLifeUsedPercent() != null) {
            parts.add(messages.format("kiosk.emmc-wear", s.emmcLifeUsedPercent()));
        }
        return String.join(" · ", parts);
    }

    /** 592 B, 12.4 KiB, 3.1 MiB. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static String number(Double value, String format) {
        return value == null ? "—" : String.format(Locale.ROOT, format, value);
    }

    private static int events(Context ctx) {
        String text = ctx.queryParam("events");
        if (text == null) {
            return 20;
        }
        try {
            int events = Integer.parseInt(text);
            if (events >= 0 && events <= 500) {
                return events;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("events: '" + text + "' is not a count from 0 to 500");
    }

    private static Instant instant(Context ctx, String name, Instant otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not an instant like 2026-03-02T08:15:00Z");
        }
    }

    private static Optional<KioskId> kioskId(Context ctx) {
        try {
            return Optional.of(new KioskId(ctx.pathParam("site"), ctx.pathParam("kiosk")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not-found", "message", "no such kiosk"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
