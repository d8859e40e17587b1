package org.yizhan.fleet.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, before any route runs, whether a request may go on. The contract:
 * <ul>
 * <li>Without a session only the login page and its static assets ({@link #PUBLIC_PATHS}) answer. Every other
 * page redirects to {@code /login?next=…}; the JSON API and {@code /metrics} answer 401 with a JSON body.</li>
 * <li>{@code /metrics} also opens with {@code Authorization: Bearer TOKEN} when a token is configured,
 * because Prometheus cannot log in.</li>
 * <li>Every state-changing request of a session (POST, PUT, PATCH, DELETE) must carry the session's CSRF token,
 * in the {@value #CSRF_HEADER} header (scripts) or the {@value #CSRF_FIELD} form field (forms), and must not
 * come from another origin; otherwise it is refused with 403 before it does anything. The session cookie is
 * also {@code SameSite=Strict}, so a browser does not send it from another site at all.</li>
 * </ul>
 * The session found is kept on the request for {@link #session}.
 */
public final class AccessGuard {

    public static final String SESSION_COOKIE = "yizhan_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";
    public static final Set<String> PUBLIC_PATHS = Set.of("/login", "/assets/console.css", "/assets/yizhan.svg");

    private static final String SESSION_ATTRIBUTE = Session.class.getName();
    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD,
            HandlerType.OPTIONS);

    private final Sessions sessions;
    private final byte[] metricsToken;

    /** @param metricsToken the bearer token that opens {@code /metrics}; null for none */
    public AccessGuard(Sessions sessions, String metricsToken) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The session of the request, once the guard let it through; null on public paths without one. */
    public static Session session(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** The before-handler of every request. */
    public void check(Context ctx) {
        String path = ctx.path();
        Session session = sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (session != null) {
            ctx.attribute(SESSION_ATTRIBUTE, session);
        }
        if (PUBLIC_PATHS.contains(path)) {
            // a login posted from another site would log the victim in as the attacker
            if (!SAFE_METHODS.contains(ctx.method()) && !sameOrigin(ctx)) {
                refuse(ctx, 403, "forbidden", "the request comes from another site");
            }
            return;
        }
        if (session == null) {
            if (path.equals("/metrics") && bearerMatches(ctx.header("Authorization"))) {
                return;
            }
            if (isApi(path)) {
                if (path.equals("/metrics") && metricsToken != null) {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"yizhan-fleet\"");
                }
                refuse(ctx, 401, "unauthorized", "log in first (POST /login), or send the metrics token");
            } else if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
                ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
            } else {
                refuse(ctx, 401, "unauthorized", "your session has ended; log in again");
            }
            return;
        }
        if (!SAFE_METHODS.contains(ctx.method())) {
            if (!sameOrigin(ctx)) {
                refuse(ctx, 403, "forbidden", "the request comes from another site");
            } else if (!csrfTokenMatches(ctx, session)) {
                refuse(ctx, 403, "forbidden", "the request lacks this session's CSRF token; reload the page");
            }
        }
    }

    /** The JSON API and the metrics answer in JSON; everything else is a page. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/metrics");
    }

    private boolean csrfTokenMatches(Context ctx, Session session) {
        String token = ctx.header(CSRF_HEADER);
        if (token == null) {
            String type = ctx.contentType();
            // reading the form of a JSON body would consume it
            if (type != null && (type.startsWith("application/x-www-form-urlencoded")
                    || type.startsWith("multipart/form-data"))) {
                token = ctx.formParam(CSRF_FIELD);
            }
        }
        return Sessions.csrfMatches(session, token);
    }

    /** No Origin (a same-origin form in an old browser, curl) or one naming this host. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.header("Host");
        try {
            URI uri = new URI(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean bearerMatches(String authorization) {
        if (metricsToken == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(metricsToken, given);
    }

    private static void refuse(Context ctx, int status, String error, String message) {
        ctx.status(status);
        if (isApi(ctx.path())) {
            ctx.json(Map.of("error", error, "message", message));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + message);
        }
        ctx.skipRemainingHandlers();
    }
}
