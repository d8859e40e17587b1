package org.yizhan.devices.buzzer;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioLines;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.LineKeeper;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.gpio.StepPlayer;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * An active buzzer (one with its own oscillator: it sounds while powered) on a GPIO line, switched on and
 * off to the pattern's timing.
 *
 * <p>Status: connected once its line is claimed; absent, with Pi4J's reason, while it cannot be, and
 * claimed again every {@link GpioLines#retry()}; patterns played meanwhile are not heard. A failed write
 * reports it degraded.
 */
public final class GpioBuzzer implements Buzzer {

    private static final Logger log = LoggerFactory.getLogger(GpioBuzzer.class);

    private final Object lock = new Object();
    private final OutputPin pin;
    private final Duration beep;
    private final StepPlayer<Boolean> player;
    private final LineKeeper<DigitalOutput> keeper;
    private boolean closed;

    public GpioBuzzer(OutputPin pin, Duration beep, GpioLines lines, GpioTime time, DeviceStatusBoard board) {
        this.pin = pin;
        this.beep = beep;
        this.player = new StepPlayer<>(lock, time.scheduler(), this::write, false);
        this.keeper = new LineKeeper<>(lock, NAME, lines, time, board, () -> lines.output(pin),
                output -> write(player.current()), lines::release);
        keeper.start();
    }

    @Override
    public void play(BeepPattern pattern) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            player.play(BeepSequences.of(pattern, beep), false);
        }
    }

    /** Whether the buzzer is sounding now. */
    public boolean sounding() {
        return player.current();
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            player.stop();
        }
        keeper.close();
    }

    private void write(boolean on) {
        keeper.line().ifPresent(output -> {
            try {
                output.state(DigitalState.getState(pin.level(on)));
            } catch (RuntimeException e) {
                log.warn("buzzer write failed", e);
                keeper.failed("write failed: " + e.getMessage());
            }
        });
    }
}
