package org.yizhan.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.devices.voice.SimulatedVoicePrompts;
import org.yizhan.devices.voice.SpokenPrompt;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;

/** The health check read aloud: which screen says what, in which language, on the simulated voice. */
class ScreenPromptsTest {

    private final SimulatedVoicePrompts voice = new SimulatedVoicePrompts();
    private final ScreenPrompts prompts = new ScreenPrompts(voice);

    private void show(Screen screen, Language language) {
        prompts.accept(new KioskEvent.ScreenShown(ScreenState.of(screen, language)));
    }

    @ParameterizedTest
    @CsvSource({
        "HEALTH_CONSENT, consent",
        "HEALTH_IDENTIFY, identify",
        "HEALTH_DELETE, identify",
        "HEALTH_MEASURING, measuring",
        "HEALTH_RESULT, result",
        "HEALTH_CRISIS, crisis",
        "HEALTH_TIMEOUT, timeout",
        "HEALTH_DELETED, deleted"})
    void a_health_screen_plays_its_prompt_in_the_screen_language(Screen screen, String prompt) {
        // when the screen is shown in Chinese, then in English
        show(screen, Language.ZH);
        show(screen, Language.EN);

        // then its prompt was played in each, and the English one is speaking
        assertEquals(List.of(new SpokenPrompt(prompt, "zh"), new SpokenPrompt(prompt, "en")), voice.played());
        assertEquals(Optional.of(new SpokenPrompt(prompt, "en")), voice.speaking());
    }

    @ParameterizedTest
    @EnumSource(value = Screen.class, names = "HEALTH_.*", mode = EnumSource.Mode.MATCH_NONE)
    void a_screen_outside_the_health_check_plays_nothing_and_silences_the_voice(Screen screen) {
        // given a health prompt speaking
        show(Screen.HEALTH_RESULT, Language.ZH);

        // when the next person's screen comes up, in either language
        show(screen, Language.ZH);
        show(screen, Language.EN);

        // then nothing more was played, and the last person's result is no longer spoken
        assertEquals(List.of(new SpokenPrompt("result", "zh")), voice.played());
        assertEquals(Optional.empty(), voice.speaking());
    }

    @Test
    void a_refused_reading_asks_to_measure_again_rather_than_presenting_a_result() {
        prompts.accept(new KioskEvent.ScreenShown(
                new ScreenState(Screen.HEALTH_RESULT, Language.EN, null, "diastolic-not-below-systolic", null)));

        assertEquals(List.of(new SpokenPrompt("again", "en")), voice.played());
    }

    @Test
    void the_trend_and_the_delete_confirmation_let_the_prompt_before_them_finish() {
        show(Screen.HEALTH_RESULT, Language.ZH);
        show(Screen.HEALTH_TREND, Language.ZH);
        show(Screen.HEALTH_DELETE_CONFIRM, Language.ZH);

        assertEquals(List.of(new SpokenPrompt("result", "zh")), voice.played());
        assertEquals(Optional.of(new SpokenPrompt("result", "zh")), voice.speaking());
    }

    @Test
    void events_other_than_a_screen_play_nothing() {
        prompts.accept(new KioskEvent.Ready());
        prompts.accept(new KioskEvent.HealthAlert("crisis-reading", "grade-3"));
        prompts.accept(new KioskEvent.HealthDataDeleted(3));

        assertEquals(List.of(), voice.played());
    }

    @Test
    void every_health_screen_is_either_spoken_or_deliberately_silent() {
        List<Screen> unaccounted = new ArrayList<>();
        for (Screen screen : EnumSet.allOf(Screen.class)) {
            boolean health = screen.name().startsWith("HEALTH_");
            boolean spoken = ScreenPrompts.promptFor(ScreenState.of(screen, Language.ZH)).isPresent();
            if (health && !spoken && screen != Screen.HEALTH_TREND && screen != Screen.HEALTH_DELETE_CONFIRM) {
                unaccounted.add(screen);
            }
        }
        assertEquals(List.of(), unaccounted, "a new health screen needs a prompt, or a reason to have none");
    }

    @Test
    void a_simulated_kiosk_reads_its_health_check_aloud(@TempDir Path dataDir) {
        // given a kiosk on simulated devices, as the headless mode runs it
        try (KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(null, dataDir),
                DeviceMode.SIMULATED, Clock.systemUTC())) {
            KioskAssembly.await(kiosk.start());

            // when a resident starts a health check, switches to English, measures without saving, then leaves
            KioskAssembly.await(kiosk.tap(KioskFlow.HEALTH));
            KioskAssembly.await(kiosk.tap(KioskFlow.LANGUAGE_PREFIX + "en"));
            KioskAssembly.await(kiosk.tap(KioskFlow.CONSENT_ANONYMOUS));
            KioskAssembly.await(kiosk.tap(KioskFlow.HOME));

            // then each health screen was spoken in the language it was shown in, and leaving silenced it
            AtomicReference<SimulatedVoicePrompts> simulated = new AtomicReference<>();
            KioskAssembly.await(kiosk.simulate(devices -> simulated.set(devices.voice().orElseThrow())));
            assertEquals(List.of(new SpokenPrompt("consent", "zh"), new SpokenPrompt("consent", "en"),
                    new SpokenPrompt("measuring", "en")), simulated.get().played());
            assertTrue(simulated.get().speaking().isEmpty());
        }
    }
}
