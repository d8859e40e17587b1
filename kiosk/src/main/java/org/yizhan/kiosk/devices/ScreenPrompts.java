package org.yizhan.kiosk.devices;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.yizhan.devices.voice.SpokenPrompt;
import org.yizhan.devices.voice.VoicePrompts;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;

/**
 * The health check read aloud: when a health screen is shown, its prompt is played in the screen's language
 * (the recordings are {@code org/yizhan/kiosk/voice/<language>/<prompt>.wav}, their words in {@code
 * prompts.properties} beside them). The same screen shown again — in the other language, or with a refused
 * pass — is spoken again.
 *
 * <p>A result screen says "here is your result; a single reading is not a diagnosis", or, for a reading that
 * was refused, {@code again} ("please put the cuff on again"). The trend and the delete confirmation have no
 * prompt and leave the one speaking alone; a screen outside the health check silences it, so the next person
 * is not told about the last one's blood pressure. Other events are ignored.
 *
 * <p>Threading: a listener of the kiosk's events, called on the kiosk thread; the voice returns at once.
 */
public final class ScreenPrompts implements Consumer<KioskEvent> {

    /** The class-path folder of the recordings. */
    public static final String FILES = "/org/yizhan/kiosk/voice";

    static final String RESULT = "result";
    static final String AGAIN = "again";

    private static final Map<Screen, String> PROMPTS = new EnumMap<>(Map.of(
            Screen.HEALTH_CONSENT, "consent",
            Screen.HEALTH_IDENTIFY, "identify",
            Screen.HEALTH_DELETE, "identify",
            Screen.HEALTH_MEASURING, "measuring",
            Screen.HEALTH_RESULT, RESULT,
            Screen.HEALTH_CRISIS, "crisis",
            Screen.HEALTH_TIMEOUT, "timeout",
            Screen.HEALTH_DELETED, "deleted"));
    private static final Set<Screen> SILENT_HEALTH_SCREENS = EnumSet.of(Screen.HEALTH_TREND,
            Screen.HEALTH_DELETE_CONFIRM);

    private final VoicePrompts voice;

    public ScreenPrompts(VoicePrompts voice) {
        this.voice = voice;
    }

    @Override
    public void accept(KioskEvent event) {
        if (!(event instanceof KioskEvent.ScreenShown shown)) {
            return;
        }
        ScreenState state = shown.state();
        Optional<SpokenPrompt> prompt = promptFor(state);
        if (prompt.isPresent()) {
            voice.play(prompt.get());
        } else if (!SILENT_HEALTH_SCREENS.contains(state.screen())) {
            voice.stop();
        }
    }

    /** The prompt a screen is read with, in its language; empty for a screen that has none. */
    static Optional<SpokenPrompt> promptFor(ScreenState state) {
        String prompt = PROMPTS.get(state.screen());
        if (prompt == null) {
            return Optional.empty();
        }
        if (prompt.equals(RESULT) && state.reason() != null) {
            prompt = AGAIN;
        }
        return Optional.of(new SpokenPrompt(prompt, state.language().code()));
    }

    /** Every prompt a screen can be read with, for checking that each has its recordings. */
    static Set<String> prompts() {
        Set<String> names = new TreeSet<>(PROMPTS.values());
        names.add(AGAIN);
        return names;
    }
}
