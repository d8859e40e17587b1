package org.yizhan.fleet.web.page;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.yizhan.fleet.web.auth.AccessGuard;
import org.yizhan.fleet.web.auth.Session;

/**
 * Renders one page of the console inside the common frame: navigation, language switch, who is logged in,
 * logout. Each feature gives the template's name, the page's title key, which navigation entry is current and
 * its own model; this adds {@code t} (the texts), {@code csrf}, {@code maintainer}, {@code lang} and the rest of
 * the frame (see {@code templates/frame/top.mustache}).
 */
public final class ConsolePage {

    private static final String LANGUAGE_ATTRIBUTE = Language.class.getName();
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

    private final Templates templates;
    private final ZoneId zone;
    private final Clock clock;
    private final IntSupplier openAlerts;
    private final String chartJs;

    /**
     * @param openAlerts how many alerts are open, for the badge in the navigation
     * @param chartJs    the path of Chart.js in its WebJar
     */
    public ConsolePage(Templates templates, ZoneId zone, Clock clock, IntSupplier openAlerts, String chartJs) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.openAlerts = Objects.requireNonNull(openAlerts, "openAlerts");
        this.chartJs = Objects.requireNonNull(chartJs, "chartJs");
    }

    /**
     * The request's language (see {@link Language#choose}); a {@code lang} parameter also leaves a cookie, so the
     * choice holds on the next pages. Decided once per request.
     */
    public static Language language(Context ctx) {
        Language chosen = ctx.attribute(LANGUAGE_ATTRIBUTE);
        if (chosen != null) {
            return chosen;
        }
        String parameter = ctx.queryParam("lang");
        Language language = Language.choose(parameter, ctx.cookie(Language.COOKIE), ctx.header("Accept-Language"));
        if (Language.ofCode(parameter).isPresent()) {
            ctx.res().addHeader("Set-Cookie", Language.COOKIE + "=" + language.code() + "; Path=/; Max-Age="
                    + LANGUAGE_COOKIE_SECONDS + "; SameSite=Lax");
        }
        ctx.attribute(LANGUAGE_ATTRIBUTE, language);
        return language;
    }

    public static Messages messages(Context ctx) {
        return Messages.of(language(ctx));
    }

    public TimeText timeText(Messages messages) {
        return new TimeText(zone, messages);
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Renders {@code template} with {@code model} inside the frame and sends it.
     *
     * @param title the key of the page's title in the texts
     * @param nav   the navigation entry to mark current: overview, kiosks, footfall or alerts
     */
    public void render(Context ctx, String template, String title, String nav, Map<String, Object> model) {
        Messages messages = messages(ctx);
        Map<String, Object> all = new LinkedHashMap<>(frame(ctx, messages, messages.text(title), nav));
        all.putAll(model);
        ctx.html(templates.render(template, all));
    }

    /** The frame's model; the login page uses it without a session. */
    public Map<String, Object> frame(Context ctx, Messages messages, String title, String nav) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("t", messages.tree());
        frame.put("lang", messages.language().code());
        frame.put("htmlLang", messages.language().htmlLang());
        frame.put("title", title);
        frame.put("zone", zone.getId());
        frame.put("chartJs", chartJs);
        frame.put("nav", Map.of(nav, true));
        frame.put("languages", languageLinks(ctx, messages.language()));
        Session session = AccessGuard.session(ctx);
        if (session != null) {
            frame.put("maintainer", session.maintainer());
            frame.put("csrf", session.csrfToken());
            int open = openAlerts.getAsInt();
            frame.put("openAlerts", open > 0 ? open : null);
        }
        return frame;
    }

    /** A link to a language: this page with {@code lang} set. */
    public record LanguageLink(String code, String name, String href, boolean current) {
    }

    private static List<LanguageLink> languageLinks(Context ctx, Language current) {
        List<LanguageLink> links = new ArrayList<>();
        for (Language language : Language.values()) {
            StringBuilder href = new StringBuilder(ctx.path()).append('?');
            ctx.queryParamMap().forEach((name, values) -> {
                if (!name.equals("lang")) {
                    values.forEach(value -> href.append(encode(name)).append('=').append(encode(value)).append('&'));
                }
            });
            href.append("lang=").append(language.code());
            links.add(new LanguageLink(language.code(), language.ownName(), href.toString(), language == current));
        }
        return links;
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
