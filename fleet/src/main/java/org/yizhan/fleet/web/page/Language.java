package org.yizhan.fleet.web.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's languages, Chinese first: maintainers in Shanghai read Chinese, English is for everybody else.
 * The choice is, in order: a {@code lang} query parameter (the switch on every page), the cookie it leaves,
 * the browser's {@code Accept-Language}, and else Chinese.
 */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "zh-CN", "中文"),
    EN("en", Locale.ENGLISH, "en", "English");

    public static final String COOKIE = "yizhan_lang";

    private final String code;
    private final Locale locale;
    private final String htmlLang;
    private final String ownName;

    Language(String code, Locale locale, String htmlLang, String ownName) {
        this.code = code;
        this.locale = locale;
        this.htmlLang = htmlLang;
        this.ownName = ownName;
    }

    /** {@code zh} or {@code en}, as in {@code ?lang=} and the cookie. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The value of the page's {@code <html lang>}. */
    public String htmlLang() {
        return htmlLang;
    }

    /** Its name in itself, for the switch. */
    public String ownName() {
        return ownName;
    }

    public static Optional<Language> ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language to answer in; see the class comment for the order. */
    public static Language choose(String queryParameter, String cookie, String acceptLanguage) {
        return ofCode(queryParameter).or(() -> ofCode(cookie)).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(ZH);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // ranges come sorted by weight; the first of ours wins
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-")[0];
            Optional<Language> language = ofCode(primary);
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }
}
