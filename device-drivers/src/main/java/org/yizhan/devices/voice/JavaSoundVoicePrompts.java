package org.yizhan.devices.voice;

import java.io.IOException;
import java.net.URL;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Prompts spoken through Java Sound: each prompt's WAV file is loaded into a {@link Clip} of the system's
 * default audio output (on the Pi, ALSA's default device: the headphone jack, HDMI or a USB speaker) and
 * started. "Played" means the clip was opened and started; whether anyone hears it depends on the speaker
 * and its volume, which Java cannot see.
 *
 * <p>Threading: everything audio happens on one thread of its own ({@code yizhan-voice}), in the order asked;
 * {@link #play} and {@link #stop} only hand work to it. A prompt still waiting when a newer one is asked for
 * is skipped. A clip that ends by itself is closed at once, so the sound device is held only while speaking.
 *
 * <p>Status, under {@code voice}: connected once a clip could be had (looked for at construction, and with
 * every prompt); absent, with Java Sound's reason, while it cannot — no sound card, no ALSA device, a headless
 * machine ({@code No line matching interface Clip …}), the device busy. Absence is reported once (the board
 * drops repeats) and never thrown; every prompt tries again, so a speaker plugged in later is used. A prompt
 * without a file, or with a file Java Sound cannot read, is logged once and not spoken; the device's state is
 * left as it is, since the speaker is not at fault.
 */
public final class JavaSoundVoicePrompts implements VoicePrompts {

    private static final Logger log = LoggerFactory.getLogger(JavaSoundVoicePrompts.class);

    /** Where a clip comes from: Java Sound's default mixer on a kiosk, a fake line in tests. */
    @FunctionalInterface
    interface Lines {
        Clip clip() throws LineUnavailableException;
    }

    private final PromptFiles files;
    private final DeviceStatusBoard board;
    private final Lines lines;
    private final ExecutorService thread;
    /** The number of the newest play or stop; a queued prompt with an older number is skipped. */
    private final AtomicLong newest = new AtomicLong();
    private volatile boolean closed;

    // Confined to the voice thread, except that tests read what is playing.
    private Clip clip;
    private volatile SpokenPrompt playing;
    private final Set<SpokenPrompt> unplayable = new HashSet<>();

    /** Prompts on the system's default audio output; the output is looked for at once, on the voice thread. */
    public JavaSoundVoicePrompts(PromptFiles files, DeviceStatusBoard board) {
        this(files, board, AudioSystem::getClip);
    }

    JavaSoundVoicePrompts(PromptFiles files, DeviceStatusBoard board, Lines lines) {
        this.files = files;
        this.board = board;
        this.lines = lines;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "yizhan-voice");
            t.setDaemon(true);
            return t;
        });
        submit(this::probe);
    }

    @Override
    public void play(SpokenPrompt prompt) {
        long number = newest.incrementAndGet();
        submit(() -> {
            if (number == newest.get()) {
                start(prompt);
            }
        });
    }

    @Override
    public void stop() {
        newest.incrementAndGet();
        submit(this::silence);
    }

    /** Silences the voice, then ends its thread, waiting a second at most. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        newest.incrementAndGet();
        submit(this::silence);
        closed = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
                log.warn("the voice did not stop within a second");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The prompt whose clip was started and has neither ended nor been cut off. */
    Optional<SpokenPrompt> playing() {
        return Optional.ofNullable(playing);
    }

    /** Waits until everything asked so far has been done, for tests. */
    void awaitIdle() throws InterruptedException, ExecutionException, TimeoutException {
        if (thread.isShutdown()) {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } else {
            thread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }
    }

    private void submit(Runnable work) {
        if (closed) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("the voice failed; it goes on with the next prompt", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("a prompt after close is not spoken");
        }
    }

    private void probe() {
        try {
            lines.clip().close();
            board.connected(NAME);
        } catch (LineUnavailableException | RuntimeException | LinkageError e) {
            noOutput(e);
        }
    }

    private void start(SpokenPrompt prompt) {
        silence();
        Optional<URL> file = files.find(prompt);
        if (file.isEmpty()) {
            unplayable(prompt, "it has no sound file");
            return;
        }
        Clip next;
        try (AudioInputStream sound = AudioSystem.getAudioInputStream(file.get())) {
            try {
                next = lines.clip();
            } catch (LineUnavailableException | RuntimeException | LinkageError e) {
                noOutput(e);
                return;
            }
            try {
                next.open(sound);
            } catch (LineUnavailableException | RuntimeException e) {
                next.close();
                noOutput(e);
                return;
            }
        } catch (UnsupportedAudioFileException | IOException e) {
            unplayable(prompt, "its sound file cannot be read: " + e.getMessage());
            return;
        }
        next.addLineListener(event -> {
            if (event.getType() == LineEvent.Type.STOP) {
                submit(() -> ended(next));
            }
        });
        next.start();
        clip = next;
        playing = prompt;
        board.connected(NAME);
    }

    /** A clip stopped: at its end, or because it was cut off (then it is already closed). */
    private void ended(Clip stopped) {
        if (stopped == clip) {
            clip.close();
            clip = null;
            playing = null;
        }
    }

    private void silence() {
        Clip current = clip;
        clip = null;
        playing = null;
        if (current != null) {
            try {
                current.stop();
            } finally {
                current.close();
            }
        }
    }

    private void noOutput(Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.debug("no audio output", e);
        board.absent(NAME, "no audio output: " + reason);
    }

    private void unplayable(SpokenPrompt prompt, String why) {
        if (unplayable.add(prompt)) {
            log.warn("prompt {} is not spoken: {}", prompt, why);
        }
    }
}
