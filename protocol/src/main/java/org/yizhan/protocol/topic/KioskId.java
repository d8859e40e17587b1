package org.yizhan.protocol.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which kiosk: a site (the service centre) and a kiosk within it. Both are single MQTT topic levels, so
 * both are 1–64 characters of {@code a-z}, {@code 0-9} and {@code -}, starting with a letter or digit: no
 * {@code /}, no wildcards, no upper case that would make two topics of one kiosk. Written as
 * {@code site/kiosk}, e.g. {@code demo/kiosk-1}, in JSON, on command lines and in logs.
 */
public record KioskId(String site, String kiosk) {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public KioskId {
        invalidity("site", site).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        invalidity("kiosk", kiosk).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** The kiosk written as {@code site/kiosk}. */
    @JsonCreator
    public static KioskId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a kiosk is written site/kiosk, e.g. demo/kiosk-1; got nothing");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException(
                    "a kiosk is written site/kiosk, e.g. demo/kiosk-1; got '" + Segments.excerpt(text) + "'");
        }
        return new KioskId(text.substring(0, slash), text.substring(slash + 1));
    }

    /**
     * Why {@code value} cannot be a topic level such as a site, a kiosk or a command name, or empty when it
     * can. The message names {@code what}.
     */
    static Optional<String> invalidity(String what, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        if (value.length() > 64) {
            return Optional.of(what + " '" + Segments.excerpt(value) + "' is longer than 64 characters");
        }
        if (!SEGMENT.matcher(value).matches()) {
            return Optional.of(what + " '" + Segments.excerpt(value)
                    + "' is not 1-64 of a-z, 0-9 and '-' starting with a letter or digit");
        }
        return Optional.empty();
    }

    @JsonValue
    @Override
    public String toString() {
        return site + "/" + kiosk;
    }
}
