package org.yizhan.devices.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;

class SimulatedVoicePromptsTest extends VoicePromptsContract {

    @Override
    protected VoicePrompts createVoice() {
        return new SimulatedVoicePrompts(board);
    }

    @Override
    protected Optional<SpokenPrompt> speaking() {
        return simulated().speaking();
    }

    private SimulatedVoicePrompts simulated() {
        return (SimulatedVoicePrompts) voice;
    }

    @Test
    void keeps_the_prompts_it_was_asked_to_play_in_order() {
        voice.play(CONSENT_ZH);
        voice.play(MEASURING_EN);
        voice.play(CONSENT_ZH);

        assertEquals(List.of(CONSENT_ZH, MEASURING_EN, CONSENT_ZH), simulated().played());
    }

    @Test
    void unplugged_it_is_absent_and_silent_yet_records_and_replugged_it_is_connected() {
        simulated().unplug();
        voice.play(CONSENT_ZH);

        assertEquals(Optional.empty(), simulated().speaking());
        assertEquals(List.of(CONSENT_ZH), simulated().played());
        assertEquals(Optional.of(DeviceState.ABSENT), state());

        simulated().plug();
        voice.play(MEASURING_EN);

        assertEquals(Optional.of(MEASURING_EN), simulated().speaking());
        assertEquals(Optional.of(DeviceState.CONNECTED), state());
    }

    @Test
    void nothing_is_recorded_after_close() {
        voice.close();
        voice.play(CONSENT_ZH);

        assertEquals(List.of(), simulated().played());
    }
}
