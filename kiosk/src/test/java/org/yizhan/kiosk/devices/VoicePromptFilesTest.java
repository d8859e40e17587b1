package org.yizhan.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.voice.PromptFiles;
import org.yizhan.devices.voice.SpokenPrompt;

/**
 * The recordings the kiosk ships ({@code org/yizhan/kiosk/voice}): one for every text of prompts.properties,
 * each decodable by Java Sound as the voice will load it, short, and small in all.
 */
class VoicePromptFilesTest {

    private static final List<String> LANGUAGES = List.of("zh", "en");
    /** The jar goes onto SD cards and over the air: the prompts together stay about 2 MB. */
    private static final long MOST_BYTES = 2_400_000;

    private final PromptFiles files = PromptFiles.resources(KioskDevices.class, ScreenPrompts.FILES);

    private static Properties texts() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = KioskDevices.class.getResourceAsStream(ScreenPrompts.FILES + "/prompts.properties");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        return texts;
    }

    private static Set<String> promptsWithTexts() throws IOException {
        Set<String> prompts = new TreeSet<>();
        for (String key : texts().stringPropertyNames()) {
            prompts.add(key.substring(0, key.lastIndexOf('.')));
        }
        return prompts;
    }

    @Test
    void every_prompt_a_screen_can_play_has_its_words_in_both_languages() throws IOException {
        Properties texts = texts();
        for (String prompt : ScreenPrompts.prompts()) {
            for (String language : LANGUAGES) {
                String text = texts.getProperty(prompt + "." + language);
                assertNotNull(text, prompt + "." + language);
                assertFalse(text.isBlank(), prompt + "." + language);
            }
        }
        assertEquals(ScreenPrompts.prompts(), promptsWithTexts(), "no text that nothing plays");
    }

    @Test
    void every_text_has_a_recording_java_sound_decodes_as_a_short_mono_16_khz_clip()
            throws IOException, UnsupportedAudioFileException {
        long bytes = 0;
        for (String prompt : promptsWithTexts()) {
            for (String language : LANGUAGES) {
                SpokenPrompt spoken = new SpokenPrompt(prompt, language);
                URL file = files.find(spoken).orElseThrow(() -> new AssertionError("no recording for " + spoken));
                try (AudioInputStream sound = AudioSystem.getAudioInputStream(file)) {
                    AudioFormat format = sound.getFormat();
                    assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding(), spoken.toString());
                    assertEquals(16_000f, format.getSampleRate(), spoken.toString());
                    assertEquals(16, format.getSampleSizeInBits(), spoken.toString());
                    assertEquals(1, format.getChannels(), spoken.toString());
                    double seconds = sound.getFrameLength() / format.getFrameRate();
                    assertTrue(seconds > 1 && seconds < 12, spoken + " lasts " + seconds + " s");
                    byte[] pcm = sound.readAllBytes();
                    assertEquals(sound.getFrameLength() * 2, pcm.length, spoken + " is whole");
                    assertTrue(peak(pcm) > 8_000, spoken + " is not silent");
                    bytes += pcm.length;
                }
            }
        }
        assertTrue(bytes < MOST_BYTES, "the prompts take " + bytes + " bytes");
    }

    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }
}
