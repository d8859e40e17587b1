package org.yizhan.fleet.web.page;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.Map;

/**
 * The console's pages are Mustache templates under {@code org/yizhan/fleet/web/templates/}, rendered on the
 * server. Why server-side: every page is readable HTML with no script at all, the text is escaped by default,
 * the i18n and the access checks stay in one place in Java, and the HTTP tests can read what a maintainer
 * sees. Small scripts add only what HTML cannot: charts, live refresh and sortable tables. Templates are
 * compiled once and cached; rendering is thread-safe.
 */
public final class Templates {

    private final MustacheFactory factory = new DefaultMustacheFactory("org/yizhan/fleet/web/templates");

    /** {@code name} without {@code .mustache}, e.g. {@code overview}. */
    public String render(String name, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        factory.compile(name + ".mustache").execute(html, model);
        return html.toString();
    }
}
