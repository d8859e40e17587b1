package org.yizhan.fleet.web.page;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The console's texts in one language, from {@code org/yizhan/fleet/web/messages_*.properties} (UTF-8).
 * Templates read them as a tree, {@code {{t.nav.overview}}} for the key {@code nav.overview}; Java code formats
 * those with arguments through {@link #format}. A key missing in a bundle is a bug, reported by the
 * {@code MessagesTest} that compares the bundles, and shown as the key itself rather than failing a page.
 * Loaded once per language; immutable and thread-safe.
 */
public final class Messages {

    private static final Map<Language, Messages> LOADED = new EnumMap<>(Language.class);

    private final Language language;
    private final Map<String, String> texts;
    private final Map<String, Object> tree;

    private Messages(Language language, Map<String, String> texts) {
        this.language = language;
        this.texts = Collections.unmodifiableMap(texts);
        this.tree = treeOf(texts);
    }

    public static synchronized Messages of(Language language) {
        return LOADED.computeIfAbsent(language, Messages::load);
    }

    public Language language() {
        return language;
    }

    public String text(String key) {
        return texts.getOrDefault(key, key);
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}… filled in, numbers in the language's manner. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(text(key), language.locale()).format(arguments);
    }

    /** The text of {@code prefix + code} when the bundle has one, else the code itself (an open code set). */
    public String codeText(String prefix, String code) {
        return texts.getOrDefault(prefix + code, code);
    }

    /** Every key and its text. */
    public Map<String, String> texts() {
        return texts;
    }

    /** The texts as nested maps, for templates. */
    public Map<String, Object> tree() {
        return tree;
    }

    private static Messages load(Language language) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle("org.yizhan.fleet.web.messages", language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the console's texts for " + language.code() + " are missing", e);
        }
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        return new Messages(language, texts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> treeOf(Map<String, String> texts) {
        Map<String, Object> root = new LinkedHashMap<>();
        texts.forEach((key, text) -> {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw new IllegalStateException("message key " + key + " lies under the text of "
                            + String.join(".", Arrays.copyOf(parts, i + 1)));
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], text);
        });
        return Collections.unmodifiableMap(root);
    }
}
