package org.yizhan.devices.voice;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;

/**
 * The Java Sound voice on a fake audio line (a {@link Clip} that plays nothing and keeps what was done to
 * it), and on this machine's real Java Sound, which on a machine without a sound card has no line at all.
 */
class JavaSoundVoicePromptsTest extends VoicePromptsContract {

    @TempDir
    Path sounds;

    private final FakeLines lines = new FakeLines();

    @Override
    protected VoicePrompts createVoice() throws IOException {
        return new JavaSoundVoicePrompts(files(CONSENT_ZH, MEASURING_EN), board, lines);
    }

    @Override
    protected Optional<SpokenPrompt> speaking() throws Exception {
        JavaSoundVoicePrompts real = (JavaSoundVoicePrompts) voice;
        real.awaitIdle();
        Optional<SpokenPrompt> playing = real.playing();
        // What it believes it plays must be what the line does.
        assertEquals(playing.isPresent(), lines.clips.stream().filter(FakeClip::running).count() == 1);
        return playing;
    }

    /** Each prompt's sound file: half a second of a tone, 16 kHz mono 16-bit, as the kiosk's prompts are. */
    private PromptFiles files(SpokenPrompt... prompts) throws IOException {
        for (SpokenPrompt prompt : prompts) {
            writeTone(file(prompt));
        }
        return prompt -> Optional.of(file(prompt)).filter(Files::exists).map(JavaSoundVoicePromptsTest::url);
    }

    private Path file(SpokenPrompt prompt) {
        return sounds.resolve(prompt.language()).resolve(prompt.name() + ".wav");
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeTone(Path file) throws IOException {
        AudioFormat format = new AudioFormat(16_000f, 16, 1, true, false);
        byte[] pcm = new byte[16_000];
        for (int i = 0; i < pcm.length / 2; i++) {
            short sample = (short) (8_000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Files.createDirectories(file.getParent());
        try (AudioInputStream tone = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(tone, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private JavaSoundVoicePrompts voice(PromptFiles files, JavaSoundVoicePrompts.Lines lines) {
        voice.close();
        voice = new JavaSoundVoicePrompts(files, board, lines);
        return (JavaSoundVoicePrompts) voice;
    }

    /** What the board hears from now on, once the voice made for each test has looked for its line. */
    private List<DeviceStatus> reports() throws Exception {
        ((JavaSoundVoicePrompts) voice).awaitIdle();
        List<DeviceStatus> reports = new CopyOnWriteArrayList<>();
        board.subscribe(reports::add);
        return reports;
    }

    @Test
    void a_prompt_cut_off_has_its_clip_stopped_and_closed() throws Exception {
        voice.play(CONSENT_ZH);
        speaking();
        voice.play(MEASURING_EN);
        speaking();

        FakeClip first = lines.clips.get(1);
        FakeClip second = lines.clips.get(2);
        assertTrue(first.closed && !first.running());
        assertTrue(second.running());
        assertEquals(8_000, second.frames, "the whole file was loaded into the clip");
    }

    @Test
    void a_prompt_that_ends_by_itself_lets_go_of_the_speaker() throws Exception {
        voice.play(CONSENT_ZH);
        speaking();

        lines.clips.get(1).end();

        assertEquals(Optional.empty(), speaking());
        assertTrue(lines.clips.get(1).closed);
    }

    @Test
    void prompts_asked_for_faster_than_they_start_are_skipped_but_for_the_newest() throws Exception {
        // given a voice thread still busy looking for its line
        CountDownLatch busy = new CountDownLatch(1);
        FakeLines slow = new FakeLines();
        slow.gate = busy;
        JavaSoundVoicePrompts voice = voice(files(CONSENT_ZH, MEASURING_EN), slow);

        // when three prompts are asked for meanwhile
        voice.play(MEASURING_EN);
        voice.play(CONSENT_ZH);
        voice.play(MEASURING_EN);
        busy.countDown();
        voice.awaitIdle();

        // then only the newest was loaded
        assertEquals(2, slow.clips.size(), "the probe's clip and one prompt's");
        assertEquals(Optional.of(MEASURING_EN), voice.playing());
    }

    @Test
    void without_an_audio_line_it_stays_silent_reports_absent_once_and_speaks_once_one_appears() throws Exception {
        // given no line, as on a machine without a sound card
        List<DeviceStatus> reports = reports();
        lines.failure = new LineUnavailableException("no ALSA device");
        JavaSoundVoicePrompts voice = voice(files(CONSENT_ZH), lines);

        // when prompts are asked for
        assertDoesNotThrow(() -> {
            voice.play(CONSENT_ZH);
            voice.play(CONSENT_ZH);
            voice.awaitIdle();
        });

        // then nothing plays, and the board heard once that there is no speaker
        assertEquals(Optional.empty(), voice.playing());
        assertEquals(1, reports.size(), reports::toString);
        assertEquals(DeviceState.ABSENT, reports.get(0).state());
        assertEquals("no audio output: no ALSA device", reports.get(0).lastError());

        // when a speaker is plugged in, the next prompt is spoken
        lines.failure = null;
        voice.play(CONSENT_ZH);
        voice.awaitIdle();

        assertEquals(Optional.of(CONSENT_ZH), voice.playing());
        assertEquals(DeviceState.CONNECTED, reports.get(reports.size() - 1).state());
    }

    @Test
    void a_line_that_refuses_the_sound_is_reported_absent_and_nothing_is_thrown() throws Exception {
        List<DeviceStatus> reports = reports();
        lines.refuseOpen = true;

        voice.play(CONSENT_ZH);

        assertEquals(Optional.empty(), speaking());
        assertEquals(DeviceState.ABSENT, reports.get(reports.size() - 1).state());
        assertTrue(lines.clips.get(1).closed, "the clip that could not open is released");
    }

    @Test
    void a_prompt_without_a_sound_file_is_not_spoken_and_the_speaker_stays_connected() throws Exception {
        voice.play(new SpokenPrompt("no-such-prompt", "en"));

        assertEquals(Optional.empty(), speaking());
        assertEquals(Optional.of(DeviceState.CONNECTED), state());
    }

    @Test
    void a_sound_file_java_sound_cannot_read_is_not_spoken_and_nothing_is_thrown() throws Exception {
        Files.writeString(file(CONSENT_ZH), "not a wav file");

        voice.play(CONSENT_ZH);

        assertEquals(Optional.empty(), speaking());
        assertEquals(1, lines.clips.size(), "no line is taken for an unreadable file");
    }

    @Test
    void on_this_machine_without_a_sound_card_it_stays_silent_and_reports_absent_once() throws Exception {
        assumeTrue(noClipHere(), "this machine has an audio output; the test is for one without");
        List<DeviceStatus> reports = reports();
        JavaSoundVoicePrompts voice = voice(files(CONSENT_ZH, MEASURING_EN), AudioSystem::getClip);

        assertDoesNotThrow(() -> {
            voice.play(CONSENT_ZH);
            voice.play(MEASURING_EN);
            voice.stop();
            voice.play(CONSENT_ZH);
            voice.awaitIdle();
        });

        assertEquals(Optional.empty(), voice.playing());
        assertEquals(1, reports.size(), reports::toString);
        assertEquals(DeviceState.ABSENT, reports.get(0).state());
        assertTrue(reports.get(0).lastError().startsWith("no audio output: "), reports.get(0).lastError());
    }

    private static boolean noClipHere() {
        try {
            AudioSystem.getClip().close();
            return false;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            return true;
        }
    }

    /** Hands out fake clips; can fail as a machine without audio does, or hold the voice thread at a gate. */
    private static final class FakeLines implements JavaSoundVoicePrompts.Lines {
        final List<FakeClip> clips = new CopyOnWriteArrayList<>();
        volatile LineUnavailableException failure;
        volatile boolean refuseOpen;
        volatile CountDownLatch gate;

        @Override
        public Clip clip() throws LineUnavailableException {
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                try {
                    waitFor.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            FakeClip clip = new FakeClip(refuseOpen);
            clips.add(clip);
            return clip.clip;
        }
    }

    /** A clip that plays nothing: it keeps its state, and fires STOP as a real one does. */
    private static final class FakeClip implements InvocationHandler {
        final Clip clip = (Clip) Proxy.newProxyInstance(Clip.class.getClassLoader(), new Class<?>[] {Clip.class}, this);
        final List<LineListener> listeners = new CopyOnWriteArrayList<>();
        final boolean refuseOpen;
        volatile boolean open;
        volatile boolean running;
        volatile boolean closed;
        volatile long frames = -1;

        FakeClip(boolean refuseOpen) {
            this.refuseOpen = refuseOpen;
        }

        boolean running() {
            return running;
        }

        /** The sound came to its end. */
        void end() {
            stopped();
        }

        private void stopped() {
            if (running) {
                running = false;
                listeners.forEach(l -> l.update(new LineEvent(clip, LineEvent.Type.STOP, frames)));
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "open" -> {
                    if (refuseOpen) {
                        throw new LineUnavailableException("device busy");
                    }
                    if (args != null && args.length == 1 && args[0] instanceof AudioInputStream sound) {
                        frames = sound.getFrameLength();
                        try {
                            sound.readAllBytes();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    open = true;
                    return null;
                }
                case "start" -> {
                    running = open;
                    return null;
                }
                case "stop" -> {
                    stopped();
                    return null;
                }
                case "close" -> {
                    running = false;
                    open = false;
                    closed = true;
                    return null;
                }
                case "isRunning", "isActive" -> {
                    return running;
                }
                case "isOpen" -> {
                    return open;
                }
                case "addLineListener" -> {
                    listeners.add((LineListener) args[0]);
                    return null;
                }
                case "removeLineListener" -> {
                    listeners.remove(args[0]);
                    return null;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "fake clip";
                }
                default -> {
                    return defaultFor(method.getReturnType());
                }
            }
        }

        private static Object defaultFor(Class<?> type) {
            if (type == boolean.class) {
                return false;
            } else if (type == int.class) {
                return 0;
            } else if (type == long.class) {
                return 0L;
            } else if (type == float.class) {
                return 0f;
            } else if (type == double.class) {
                return 0d;
            }
            return null;
        }
    }
}
