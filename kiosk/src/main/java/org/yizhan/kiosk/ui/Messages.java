package org.yizhan.kiosk.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.flow.Language;

/**
 * The window's words in one language, from {@code org/yizhan/kiosk/ui/messages_*.properties} (UTF-8).
 * Codes that come from outside the window (a category in a pass, a rejection reason) fall back to a
 * general wording when the bundle has no entry for them, so a new code never shows a raw key.
 * A key the window itself asks for must exist: a missing one fails at once with the key named.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Messages {

    static final String BUNDLE = "org.yizhan.kiosk.ui.messages";

    private static final Map<Language, Messages> LOADED = new EnumMap<>(Language.class);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static synchronized Messages of(Language language) {
        // No fallback: with the JVM's default locale as fallback, a missing key in one language would
        // silently show another language's text on some machines and not on others.
        return LOADED.computeIfAbsent(language, l -> new Messages(l, ResourceBundle.getBundle(BUNDLE, l.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    public Language language() {
        return language;
    }

    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no text '" + key + "' in the " + language.code() + " messages",
                    BUNDLE, key);
        }
    }

    /**
     * The text of {@code key} with {@code {0}} replaced by {@code value}. Plain replacement rather than
     * MessageFormat, whose quoting rules would eat the apostrophes of English sentences.
     */
    public String format(String key, String value) {
        return text(key).replace("{0}", value);
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code values} in order. */
    public String format(String key, String... values) {
        String text = text(key);
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", values[i]);
        }
        return text;
    }

    /**
     * A device's name for a maintainer: {@code scanner} is 扫码器 / QR scanner. Devices are named in the
     * configuration, so a name the bundle does not know is shown as configured.
     */
    public String deviceName(String device) {
        String key = "device." + device;
        return bundle.containsKey(key) ? bundle.getString(key) : device;
    }

    /** connected, degraded, absent in words. */
    public String deviceState(DeviceState state) {
        return text("device-state." + state.code());
    }

    /** The category of a visitor in words: {@code rider} is 骑手 / rider; an unknown code is "visitor". */
    public String category(String code) {
        return optional("category." + code, "category.unknown");
    }

    public String purpose(Purpose purpose) {
        return text("purpose." + purpose.code());
    }

    /** Why a pass was not accepted, in words a visitor understands, with what to do next. */
    public String rejection(String reasonCode) {
        return optional("rejected.reason." + reasonCode, "rejected.reason.unknown");
    }

    /** Every key, for checks that the languages agree. */
    List<String> keys() {
        return List.copyOf(bundle.keySet());
    }

    private String optional(String key, String fallbackKey) {
        return bundle.containsKey(key) ? bundle.getString(key) : text(fallbackKey);
    }
}
