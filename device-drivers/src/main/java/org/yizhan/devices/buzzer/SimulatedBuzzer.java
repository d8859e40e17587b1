package org.yizhan.devices.buzzer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.StepPlayer;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A buzzer with no sound: the same patterns as {@link GpioBuzzer}, on the same timers, sounding in
 * memory. It logs each pattern and keeps what it was asked to play for tests.
 *
 * <p>{@link #unplug} reports it absent and silent (patterns are still recorded); {@link #plug} reports it
 * connected.
 */
public final class SimulatedBuzzer implements Buzzer {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBuzzer.class);

    private final Object lock = new Object();
    private final Duration beep;
    private final DeviceStatusBoard board;
    private final StepPlayer<Boolean> player;
    private final List<BeepPattern> played = new CopyOnWriteArrayList<>();
    private boolean plugged = true;
    private boolean sounding;
    private boolean closed;

    /** A buzzer in real time on its own status board, for tests that only look at what was played. */
    public SimulatedBuzzer() {
        this(GpioConfig.defaults().buzzerBeep(), GpioTime.shared(), new DeviceStatusBoard(Clock.systemUTC()));
    }

    public SimulatedBuzzer(Duration beep, GpioTime time, DeviceStatusBoard board) {
        this.beep = beep;
        this.board = board;
        this.player = new StepPlayer<>(lock, time.scheduler(), this::sound, false);
        board.connected(NAME);
    }

    @Override
    public void play(BeepPattern pattern) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            played.add(pattern);
            player.play(BeepSequences.of(pattern, beep), false);
        }
        log.info("buzzer: {}", pattern);
    }

    /** The patterns asked for, oldest first. */
    public List<BeepPattern> played() {
        return List.copyOf(played);
    }

    /** Whether the buzzer is sounding now; never while unplugged. */
    public boolean sounding() {
        synchronized (lock) {
            return sounding;
        }
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            sounding = false;
        }
        board.absent(NAME, "unplugged");
    }

    public void plug() {
        synchronized (lock) {
            plugged = true;
            sounding = !closed && player.current();
        }
        board.connected(NAME);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            player.stop();
        }
    }

    private void sound(boolean on) {
        if (plugged) {
            sounding = on;
        }
    }
}
