package org.yizhan.devices.entry;

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
 * An entry sensor on a GPIO input: a PIR (active-high, pull down) or an IR break-beam receiver
 * (open collector: active-low, pull up). Edges come from Pi4J's input thread, are debounced on the
 * timer thread of {@link GpioTime}, and the level found when the line is claimed is not an entry.
 *
 * <p>Status: connected once its line is claimed; absent, with Pi4J's reason, while it cannot be, and
 * claimed again every {@link GpioLines#retry()}.
 */
public final class GpioEntrySensor implements EntrySensor {

    private final Object lock = new Object();
    private final InputPin pin;
    private final EntryCounter counter;
    private final LineKeeper<DigitalInput> keeper;
    private final DigitalStateChangeListener edges;

    public GpioEntrySensor(InputPin pin, Duration debounce, GpioLines lines, GpioTime time,
            DeviceStatusBoard board) {
        this.pin = pin;
        this.counter = new EntryCounter(lock, debounce, time);
        this.edges = event -> {
            if (event.state() != DigitalState.UNKNOWN) {
                counter.level(pin.active(event.state().isHigh()));
            }
        };
        this.keeper = new LineKeeper<>(lock, NAME, lines, time, board, () -> lines.input(pin), input -> {
            input.addListener(edges);
            counter.reset(pin.active(input.state().isHigh()));
        }, input -> {
            input.removeListener(edges);
            lines.release(input);
        });
        keeper.start();
    }

    @Override
    public void start(EntryListener listener) {
        counter.start(listener);
    }

    @Override
    public long entries() {
        return counter.entries();
    }

    @Override
    public void close() {
        counter.close();
        keeper.close();
    }

    @Override
    public String toString() {
        return "GpioEntrySensor[" + pin + "]";
    }
}
