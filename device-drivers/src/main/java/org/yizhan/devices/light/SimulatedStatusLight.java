package org.yizhan.devices.light;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.StepPlayer;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A status light with no LED: the same patterns as {@link GpioStatusLight}, played on the same timers,
 * lighting lamps in memory that tests and the headless mode read. Pattern changes are logged.
 *
 * <p>{@link #unplug} reports it absent and darkens the lamps while the pattern goes on being kept;
 * {@link #plug} reports it connected and shows the current pattern again.
 */
public final class SimulatedStatusLight implements StatusLight {

    private static final Logger log = LoggerFactory.getLogger(SimulatedStatusLight.class);

    private final Object lock = new Object();
    private final Duration blink;
    private final DeviceStatusBoard board;
    private final StepPlayer<Lamps> player;
    private LightPattern pattern = LightPattern.IDLE;
    private Lamps lamps = Lamps.DARK;
    private boolean plugged = true;
    private boolean closed;

    /** A light in real time on its own status board, for tests that only look at the pattern. */
    public SimulatedStatusLight() {
        this(GpioConfig.defaults().lightBlink(), GpioTime.shared(), new DeviceStatusBoard(Clock.systemUTC()));
    }

    public SimulatedStatusLight(Duration blink, GpioTime time, DeviceStatusBoard board) {
        this.blink = blink;
        this.board = board;
        this.player = new StepPlayer<>(lock, time.scheduler(), this::light, Lamps.DARK);
        synchronized (lock) {
            board.connected(NAME);
            player.play(LightSequences.of(pattern, blink), true);
        }
    }

    @Override
    public void show(LightPattern shown) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pattern = shown;
            player.play(LightSequences.of(shown, blink), true);
        }
        log.info("status light: {}", shown);
    }

    /** The pattern last shown. */
    public LightPattern current() {
        synchronized (lock) {
            return pattern;
        }
    }

    /** The lamps lit now; dark while unplugged or closed. */
    public Lamps lamps() {
        synchronized (lock) {
            return lamps;
        }
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            lamps = Lamps.DARK;
        }
        board.absent(NAME, "unplugged");
    }

    public void plug() {
        synchronized (lock) {
            plugged = true;
            lamps = closed ? Lamps.DARK : player.current();
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

    private void light(Lamps shown) {
        if (plugged) {
            lamps = shown;
        }
    }
}
