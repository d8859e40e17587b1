package org.yizhan.devices.voice;

import java.net.URL;
import java.util.Optional;

/**
 * Where the sound of each prompt is: a WAV file (PCM; the kiosk's are 16 kHz mono 16-bit). Empty for a
 * prompt that has no recording, which is then not spoken.
 */
@FunctionalInterface
public interface PromptFiles {

    Optional<URL> find(SpokenPrompt prompt);

    /**
     * Class-path resources laid out as {@code <folder>/<language>/<name>.wav}, found through {@code anchor}
     * (so inside its jar too).
     *
     * @param folder an absolute resource folder such as {@code /org/yizhan/kiosk/voice}
     */
    static PromptFiles resources(Class<?> anchor, String folder) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        return prompt -> Optional.ofNullable(
                anchor.getResource(base + prompt.language() + "/" + prompt.name() + ".wav"));
    }
}
