package org.yizhan.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;
import org.yizhan.devices.voice.JavaSoundVoicePrompts;
import org.yizhan.devices.voice.SimulatedVoicePrompts;
import org.yizhan.devices.voice.VoicePrompts;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;

/** The kiosk's voice as {@link KioskDevices} builds it from {@code voice.enabled}. */
class KioskDevicesVoiceTest {

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();
    private final DeviceStatusBoard board = new DeviceStatusBoard(clock);

    private DevicesConfig config(Map<String, String> keys) {
        return DevicesConfigFile.parse(keys, data, data);
    }

    private Optional<DeviceState> voiceState() {
        return board.snapshot().stream().filter(s -> s.device().equals(VoicePrompts.NAME))
                .map(DeviceStatus::state).findFirst();
    }

    @Test
    void a_simulated_kiosk_has_a_simulated_voice_that_is_connected_and_can_be_unplugged() {
        try (KioskDevices devices = KioskDevices.simulated(config(Map.of()), board, GpioTime.shared(), clock)) {
            assertInstanceOf(SimulatedVoicePrompts.class, devices.voice().orElseThrow());
            assertEquals("voice", devices.kinds().get(VoicePrompts.NAME));
            assertEquals(Optional.of(DeviceState.CONNECTED), voiceState());

            DeviceSimulation simulation = devices.simulation().orElseThrow();
            assertTrue(simulation.pluggable().contains(VoicePrompts.NAME));
            simulation.unplug(VoicePrompts.NAME);
            assertEquals(Optional.of(DeviceState.ABSENT), voiceState());
            simulation.plug(VoicePrompts.NAME);
            assertEquals(Optional.of(DeviceState.CONNECTED), voiceState());
        }
    }

    @Test
    void its_screen_prompts_speak_on_its_voice() {
        try (KioskDevices devices = KioskDevices.simulated(config(Map.of()), board, GpioTime.shared(), clock)) {
            devices.screenPrompts()
                    .accept(new KioskEvent.ScreenShown(ScreenState.of(Screen.HEALTH_CRISIS, Language.ZH)));

            SimulatedVoicePrompts voice = devices.simulation().orElseThrow().voice().orElseThrow();
            assertEquals("zh/crisis", voice.played().get(0).toString());
        }
    }

    @Test
    void switched_off_there_is_no_voice_device_and_screens_are_not_spoken() {
        try (KioskDevices devices = KioskDevices.simulated(config(Map.of("voice.enabled", "false")), board,
                GpioTime.shared(), clock)) {
            assertTrue(devices.voice().isEmpty());
            assertFalse(devices.kinds().containsKey(VoicePrompts.NAME));
            assertEquals(Optional.empty(), voiceState());
            assertTrue(devices.simulation().orElseThrow().voice().isEmpty());
            assertFalse(devices.simulation().orElseThrow().pluggable().contains(VoicePrompts.NAME));
            assertDoesNotThrow(() -> devices.screenPrompts()
                    .accept(new KioskEvent.ScreenShown(ScreenState.of(Screen.HEALTH_CONSENT, Language.ZH))));
        }
    }

    private static boolean audioHere() {
        try {
            AudioSystem.getClip().close();
            return true;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void a_real_kiosk_speaks_through_java_sound_and_without_a_sound_card_is_silent_and_absent()
            throws InterruptedException {
        try (KioskDevices devices = KioskDevices.real(config(Map.of()), board, clock)) {
            assertInstanceOf(JavaSoundVoicePrompts.class, devices.voice().orElseThrow());

            assertDoesNotThrow(() -> devices.screenPrompts()
                    .accept(new KioskEvent.ScreenShown(ScreenState.of(Screen.HEALTH_CONSENT, Language.ZH))));

            // The voice looks for its output on its own thread.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            while (voiceState().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertEquals(Optional.of(audioHere() ? DeviceState.CONNECTED : DeviceState.ABSENT), voiceState());
        }
    }
}
