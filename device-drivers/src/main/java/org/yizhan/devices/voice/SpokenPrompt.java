package org.yizhan.devices.voice;

import java.util.Objects;

/**
 * One recorded prompt in one language, e.g. {@code measuring} in {@code zh}: the names of its sound file,
 * {@code <language>/<name>.wav} (see {@link PromptFiles}).
 *
 * @param name     what is said, in lower case with hyphens: {@code consent}, {@code crisis}
 * @param language the language code, in lower case: {@code zh}, {@code en}
 */
public record SpokenPrompt(String name, String language) {

    public SpokenPrompt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a prompt name: use a-z, 0-9 and -");
        }
        if (!language.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("'" + language + "' is not a language code such as zh or en");
        }
    }

    @Override
    public String toString() {
        return language + "/" + name;
    }
}
