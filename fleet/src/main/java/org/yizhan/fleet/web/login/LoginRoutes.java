package org.yizhan.fleet.web.login;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.fleet.web.auth.AccessGuard;
import org.yizhan.fleet.web.auth.LoginThrottle;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.fleet.web.auth.Session;
import org.yizhan.fleet.web.auth.Sessions;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.Templates;

/**
 * Logging in and out. {@code POST /login} takes the form fields {@code name}, {@code password} and {@code next}
 * (where to go afterwards: a path of this console, else the overview). A wrong name or password answers 401
 * with the form again, the same for both so names cannot be probed; a throttled one ({@link LoginThrottle})
 * answers 429 without checking the password. A login always starts a new session, so an id planted before
 * it is worth nothing. {@code POST /logout} (with the CSRF token) ends the session.
 */
public final class LoginRoutes {

    private final Maintainers maintainers;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ConsolePage page;
    private final Templates templates;
    private final boolean secureCookies;

    public LoginRoutes(Maintainers maintainers, Sessions sessions, LoginThrottle throttle, ConsolePage page,
            Templates templates, boolean secureCookies) {
        this.maintainers = Objects.requireNonNull(maintainers, "maintainers");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.page = Objects.requireNonNull(page, "page");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.secureCookies = secureCookies;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/login", this::form);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
    }

    private void form(Context ctx) {
        if (AccessGuard.session(ctx) != null) {
            ctx.redirect(next(ctx.queryParam("next")));
            return;
        }
        show(ctx, HttpStatus.OK, null, "");
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        String address = ctx.ip();
        Messages messages = ConsolePage.messages(ctx);
        try {
            Optional<Duration> locked = throttle.lockedFor(name, address);
            if (locked.isPresent()) {
                long seconds = Math.max(1, locked.get().toSeconds());
                ctx.header("Retry-After", String.valueOf(seconds));
                show(ctx, HttpStatus.TOO_MANY_REQUESTS, messages.format("login.throttled", seconds), name);
                return;
            }
            if (!maintainers.verify(name, password)) {
                throttle.failed(name, address);
                show(ctx, HttpStatus.UNAUTHORIZED, messages.text("login.refused"), name);
                return;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        throttle.succeeded(name, address);
        Session previous = AccessGuard.session(ctx);
        if (previous != null) {
            sessions.end(previous.id());
        }
        Session session = sessions.start(name);
        ctx.res().addHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Session session = AccessGuard.session(ctx);
        if (session != null) {
            sessions.end(session.id());
        }
        ctx.res().addHeader("Set-Cookie", AccessGuard.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly;"
                + " SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, HttpStatus status, String error, String name) {
        Messages messages = ConsolePage.messages(ctx);
        Map<String, Object> model = new LinkedHashMap<>(page.frame(ctx, messages,
                messages.text("login.title"), "login"));
        model.put("error", error);
        model.put("name", name);
        model.put("next", next(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        ctx.status(status).html(templates.render("login", model));
    }

    /** Only a path of this console: never another host ({@code //evil}, {@code /\evil}) or a scheme. */
    static String next(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
