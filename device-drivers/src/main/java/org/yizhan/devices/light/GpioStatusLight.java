package org.yizhan.devices.light;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioLineException;
import org.yizhan.devices.gpio.GpioLines;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.LightPins;
import org.yizhan.devices.gpio.LineKeeper;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.gpio.StepPlayer;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * An RGB LED on three GPIO lines (two without blue), each colour on while its line is at its active
 * level ({@code gpio.light.active-low} for a common-anode LED).
 *
 * <p>Status: connected once all its lines are claimed; absent, with Pi4J's reason, while any cannot be,
 * and claimed again every {@link GpioLines#retry()}; patterns shown meanwhile are kept and appear once
 * the lines are claimed. A failed write reports it degraded. Starts showing {@link LightPattern#IDLE}.
 */
public final class GpioStatusLight implements StatusLight {

    private static final Logger log = LoggerFactory.getLogger(GpioStatusLight.class);

    private record Outputs(DigitalOutput red, DigitalOutput green, Optional<DigitalOutput> blue) {
    }

    private final Object lock = new Object();
    private final LightPins pins;
    private final Duration blink;
    private final GpioLines lines;
    private final StepPlayer<Lamps> player;
    private final LineKeeper<Outputs> keeper;
    private LightPattern pattern = LightPattern.IDLE;
    private boolean closed;

    public GpioStatusLight(LightPins pins, Duration blink, GpioLines lines, GpioTime time,
            DeviceStatusBoard board) {
        this.pins = pins;
        this.blink = blink;
        this.lines = lines;
        this.player = new StepPlayer<>(lock, time.scheduler(), this::write, Lamps.DARK);
        this.keeper = new LineKeeper<>(lock, NAME, lines, time, board, this::claim, claimed -> write(player.current()),
                this::release);
        synchronized (lock) {
            player.play(LightSequences.of(pattern, blink), true);
            keeper.start();
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
    }

    /** The pattern last shown. */
    public LightPattern current() {
        synchronized (lock) {
            return pattern;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            player.stop();
        }
        keeper.close();
    }

    private Outputs claim() throws GpioLineException {
        DigitalOutput red = lines.output(pins.red());
        DigitalOutput green = null;
        try {
            green = lines.output(pins.green());
            Optional<DigitalOutput> blue = Optional.empty();
            if (pins.blue().isPresent()) {
                blue = Optional.of(lines.output(pins.blue().get()));
            }
            return new Outputs(red, green, blue);
        } catch (GpioLineException e) {
            // All or nothing: a light missing a colour would show the wrong one.
            lines.release(red);
            if (green != null) {
                lines.release(green);
            }
            throw e;
        }
    }

    private void release(Outputs outputs) {
        lines.release(outputs.red());
        lines.release(outputs.green());
        outputs.blue().ifPresent(lines::release);
    }

    private void write(Lamps lamps) {
        keeper.line().ifPresent(outputs -> {
            try {
                set(outputs.red(), pins.red(), lamps.red());
                set(outputs.green(), pins.green(), lamps.green());
                if (outputs.blue().isPresent()) {
                    set(outputs.blue().get(), pins.blue().orElseThrow(), lamps.blue());
                }
            } catch (RuntimeException e) {
                log.warn("status light write failed", e);
                keeper.failed("write failed: " + e.getMessage());
            }
        });
    }

    private static void set(DigitalOutput output, OutputPin pin, boolean lit) {
        output.state(DigitalState.getState(pin.level(lit)));
    }
}
