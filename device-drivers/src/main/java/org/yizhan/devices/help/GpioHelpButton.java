package org.yizhan.devices.help;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.time.Duration;
import org.yizhan.devices.gpio.GpioLines;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.InputPin;
import org.yizhan.devices.gpio.LineKeeper;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A help button on a GPIO input, by default a push button between the pin and ground with the Pi's
 * pull-up (active-low). Edges come from Pi4J's input thread; debouncing and the long-press and stuck
 * timers run on the timer thread of {@link GpioTime}.
 *
 * <p>Status: connected once its line is claimed; absent, with Pi4J's reason, while it cannot be, and
 * claimed again every {@link GpioLines#retry()}; degraded while stuck (see {@link HelpButton}).
 */
public final class GpioHelpButton implements HelpButton {

    private final Object lock = new Object();
    private final PressClassifier classifier;
    private final LineKeeper<DigitalInput> keeper;
    private final DigitalStateChangeListener edges;

    public GpioHelpButton(InputPin pin, Duration debounce, Duration longPress, GpioLines lines, GpioTime time,
            DeviceStatusBoard board) {
        this.classifier = new PressClassifier(lock, debounce, longPress, time, board);
        this.edges = event -> {
            if (event.state() != DigitalState.UNKNOWN) {
                classifier.level(pin.active(event.state().isHigh()));
            }
        };
        this.keeper = new LineKeeper<>(lock, NAME, lines, time, board, () -> lines.input(pin), input -> {
            input.addListener(edges);
            classifier.reset(pin.active(input.state().isHigh()));
        }, input -> {
            input.removeListener(edges);
            lines.release(input);
        });
        keeper.start();
    }

    @Override
    public void start(HelpButtonListener listener) {
        classifier.start(listener);
    }

    @Override
    public void close() {
        classifier.close();
        keeper.close();
    }
}
