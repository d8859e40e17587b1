package org.yizhan.fleet.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.web.alert.AlertRoutes;
import org.yizhan.fleet.web.auth.AccessGuard;
import org.yizhan.fleet.web.auth.LoginThrottle;
import org.yizhan.fleet.web.auth.Sessions;
import org.yizhan.fleet.web.command.CommandRoutes;
import org.yizhan.fleet.web.command.KioskCommands;
import org.yizhan.fleet.web.command.SentCommands;
import org.yizhan.fleet.web.footfall.FootfallRoutes;
import org.yizhan.fleet.web.kiosk.KioskRoutes;
import org.yizhan.fleet.web.live.LiveUpdates;
import org.yizhan.fleet.web.login.LoginRoutes;
import org.yizhan.fleet.web.metrics.FleetMetrics;
import org.yizhan.fleet.web.metrics.IngestStatistics;
import org.yizhan.fleet.web.overview.OverviewRoutes;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Templates;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;

/**
 * The web console: pages for maintainers, the JSON API under {@code /api/v1} (described by
 * {@code /api/v1/openapi.yaml}), live updates and Prometheus metrics, served by Javalin on the address of
 * {@link WebSettings}. It reads everything from a {@link FleetView} and sends commands through
 * {@link KioskCommands} ({@code commandSender::send}); it keeps nothing but sessions and the last commands
 * sent, in memory.
 *
 * <p>Wiring: {@code FleetWebServer.start(view, commandSender::send, WebSettings.from(properties, dir))}; then
 * {@link #uri()} says where it listens, and {@link #close()} stops it (open live streams are closed). Access
 * rules are {@link AccessGuard}'s. Every response carries a Content-Security-Policy that allows only this
 * origin's scripts, styles and connections, so the console works on a site network without the internet.
 */
public final class FleetWebServer implements AutoCloseable {

    /** A route the server registered: its method and path as Javalin writes it, e.g. {@code /kiosks/{site}/{kiosk}}. */
    public record Route(String method, String path) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FleetWebServer.class);
    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'none'; object-src 'none'";

    private final Javalin app;
    private final String host;
    private final LiveUpdates live;
    private final AutoCloseable listening;
    private final List<Route> routes;

    private FleetWebServer(Javalin app, String host, LiveUpdates live, AutoCloseable listening, List<Route> routes) {
        this.app = app;
        this.host = host;
        this.live = live;
        this.listening = listening;
        this.routes = List.copyOf(routes);
    }

    public static FleetWebServer start(FleetView view, KioskCommands commands, WebSettings settings) {
        return start(view, commands, settings, Clock.systemUTC(), IngestStatistics.NONE);
    }

    /**
     * Starts the console and returns once it listens.
     *
     * @param clock  the time pages are judged at ("3 min ago") and commands are made at
     * @param ingest the ingest's statistics for {@code /metrics}
     */
    public static FleetWebServer start(FleetView view, KioskCommands commands, WebSettings settings, Clock clock,
            IngestStatistics ingest) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(settings, "settings");
        LiveUpdates live = new LiveUpdates(LiveUpdates.DEFAULT_INTERVAL);
        AutoCloseable listening = view.listen(live);
        Sessions sessions = new Sessions(settings.sessionTimeout(), clock);
        AccessGuard guard = new AccessGuard(sessions, settings.metricsToken());
        Templates templates = new Templates();
        ConsolePage page = new ConsolePage(templates, settings.timeZone(), clock, () -> view.alerts(false).size(),
                chartJs());
        SentCommands sent = new SentCommands(commands, clock, live::commandDone);
        FleetMetrics metrics = new FleetMetrics(view, settings.timeZone(), clock, ingest);
        byte[] openApi = resource("openapi.yaml");
        List<Route> routes = new ArrayList<>();

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.bindAddress();
            config.jetty.port = settings.port();
            config.jsonMapper(new JavalinJackson(ProtocolJson.newMapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/org/yizhan/fleet/web/assets";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(handler.getHttpMethod().name(), handler.getPath()));
                }
            });

            config.routes.before(FleetWebServer::securityHeaders);
            config.routes.before(guard::check);
            new LoginRoutes(settings.maintainers(), sessions, new LoginThrottle(clock), page, templates,
                    settings.secureCookies()).addTo(config.routes);
            new OverviewRoutes(view, page).addTo(config.routes);
            new KioskRoutes(view, sent, page).addTo(config.routes);
            new CommandRoutes(view, sent, clock).addTo(config.routes);
            new FootfallRoutes(view, page).addTo(config.routes);
            new AlertRoutes(view, page).addTo(config.routes);
            config.routes.sse("/api/v1/live", client -> live.connect(client, kioskOf(client.ctx())));
            config.routes.get("/metrics", ctx -> ctx.contentType(FleetMetrics.contentType()).result(metrics.scrape()));
            config.routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8")
                    .result(openApi));

            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            live.close();
            closeQuietly(listening);
            throw e;
        }
        LOG.info("fleet console on http://{}:{}", settings.bindAddress(), app.port());
        return new FleetWebServer(app, settings.bindAddress(), live, listening, routes);
    }

    /** The port it listens on (the one chosen when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Every route registered, in order: what {@code openapi.yaml} must describe. */
    public List<Route> routes() {
        return routes;
    }

    /** How many live streams are open. */
    public int liveStreams() {
        return live.streams();
    }

    @Override
    public void close() {
        closeQuietly(listening);
        live.close();
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (!ctx.path().startsWith("/assets/") && !ctx.path().startsWith("/webjars/")) {
            // pages and data change all the time, and a shared machine must not keep them after logout
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void badRequest(Context ctx, String message) {
        ctx.status(HttpStatus.BAD_REQUEST);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", "bad-request", "message", String.valueOf(message)));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result("400 " + message);
        }
    }

    private static KioskId kioskOf(Context ctx) {
        String kiosk = ctx.queryParam("kiosk");
        if (kiosk == null || kiosk.isBlank()) {
            return null;
        }
        try {
            return KioskId.parse(kiosk);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Chart.js's file in its WebJar, whose path names the version on the class path. */
    static String chartJs() {
        Properties pom = new Properties();
        try (InputStream in = FleetWebServer.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the chart.js WebJar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.js";
    }

    private static byte[] resource(String name) {
        try (InputStream in = FleetWebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the console's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("stopping the console's live updates failed: {}", e.toString());
        }
    }
}
