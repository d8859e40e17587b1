package org.yizhan.devices.voice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What every voice does with a working speaker. */
abstract class VoicePromptsContract {

    static final SpokenPrompt CONSENT_ZH = new SpokenPrompt("consent", "zh");
    static final SpokenPrompt MEASURING_EN = new SpokenPrompt("measuring", "en");

    protected final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    protected VoicePrompts voice;

    /** A voice reporting on {@link #board}, with a speaker, and sounds for the two prompts above. */
    protected abstract VoicePrompts createVoice() throws Exception;

    /** The prompt the speaker says now, once the voice has done what it was asked. */
    protected abstract Optional<SpokenPrompt> speaking() throws Exception;

    @BeforeEach
    void createTheVoice() throws Exception {
        voice = createVoice();
    }

    @AfterEach
    void closeTheVoice() {
        voice.close();
    }

    protected Optional<DeviceState> state() {
        return board.snapshot().stream().filter(s -> s.device().equals(VoicePrompts.NAME))
                .map(DeviceStatus::state).findFirst();
    }

    @Test
    void is_silent_until_asked() throws Exception {
        assertEquals(Optional.empty(), speaking());
    }

    @Test
    void speaks_a_prompt_and_is_reported_connected() throws Exception {
        voice.play(CONSENT_ZH);

        assertEquals(Optional.of(CONSENT_ZH), speaking());
        assertEquals(Optional.of(DeviceState.CONNECTED), state());
    }

    @Test
    void a_newer_prompt_cuts_off_the_older_one() throws Exception {
        voice.play(CONSENT_ZH);
        voice.play(MEASURING_EN);

        assertEquals(Optional.of(MEASURING_EN), speaking());
    }

    @Test
    void stop_silences_it() throws Exception {
        voice.play(CONSENT_ZH);

        voice.stop();

        assertEquals(Optional.empty(), speaking());
    }

    @Test
    void once_closed_it_says_nothing_and_may_be_closed_again() throws Exception {
        voice.play(CONSENT_ZH);

        voice.close();
        assertDoesNotThrow(() -> voice.play(MEASURING_EN));
        assertDoesNotThrow(voice::close);

        assertTrue(speaking().isEmpty());
    }
}
