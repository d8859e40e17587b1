package org.yizhan.devices.voice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A voice with no sound, for tests and the headless kiosk: "played" means recorded, in order, and logged.
 * A prompt speaks until the next one, {@link #stop} or {@link #close}: there is no timing, since no sound
 * has a length here.
 *
 * <p>{@link #unplug} reports it absent and silent (prompts are still recorded, as a real kiosk still asks
 * for them); {@link #plug} reports it connected. Threading: safe to call from any thread.
 */
public final class SimulatedVoicePrompts implements VoicePrompts {

    private static final Logger log = LoggerFactory.getLogger(SimulatedVoicePrompts.class);

    private final Object lock = new Object();
    private final DeviceStatusBoard board;
    private final List<SpokenPrompt> played = new CopyOnWriteArrayList<>();
    private SpokenPrompt speaking;
    private boolean plugged = true;
    private boolean closed;

    /** A voice on its own status board, for tests that only look at what was played. */
    public SimulatedVoicePrompts() {
        this(new DeviceStatusBoard(Clock.systemUTC()));
    }

    public SimulatedVoicePrompts(DeviceStatusBoard board) {
        this.board = board;
        board.connected(NAME);
    }

    @Override
    public void play(SpokenPrompt prompt) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            played.add(prompt);
            speaking = plugged ? prompt : null;
        }
        log.info("voice: {}", prompt);
    }

    @Override
    public void stop() {
        synchronized (lock) {
            speaking = null;
        }
    }

    /** The prompts asked for, oldest first. */
    public List<SpokenPrompt> played() {
        return List.copyOf(played);
    }

    /** The prompt being spoken now; empty when silent or unplugged. */
    public Optional<SpokenPrompt> speaking() {
        synchronized (lock) {
            return Optional.ofNullable(speaking);
        }
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            speaking = null;
        }
        board.absent(NAME, "unplugged");
    }

    public void plug() {
        synchronized (lock) {
            plugged = true;
        }
        board.connected(NAME);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            speaking = null;
        }
    }
}
