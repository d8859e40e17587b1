package org.yizhan.devices.help;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.SimulatedInput;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A help button driven by {@link #level}: the same wiring, debounce, press and long-press rules as
 * {@link GpioHelpButton}, on the same timers. Its line starts released (high for the usual button to
 * ground, so {@code low} presses it).
 *
 * <p>{@link #unplug} reports it absent and releases the button without a press; levels are ignored until
 * {@link #plug}, which reports it connected.
 */
public final class SimulatedHelpButton implements HelpButton, SimulatedInput {

    private static final Logger log = LoggerFactory.getLogger(SimulatedHelpButton.class);

    private final Object lock = new Object();
    private final boolean activeLow;
    private final DeviceStatusBoard board;
    private final PressClassifier classifier;
    private boolean plugged = true;

    public SimulatedHelpButton(boolean activeLow, Duration debounce, Duration longPress, GpioTime time,
            DeviceStatusBoard board) {
        this.activeLow = activeLow;
        this.board = board;
        this.classifier = new PressClassifier(lock, debounce, longPress, time, board);
        board.connected(NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void level(boolean high) {
        synchronized (lock) {
            if (!plugged) {
                log.info("help button is unplugged: level {} ignored", high ? "high" : "low");
                return;
            }
            classifier.level(high != activeLow);
        }
    }

    @Override
    public void start(HelpButtonListener listener) {
        classifier.start(listener);
    }

    public void unplug() {
        synchronized (lock) {
            plugged = false;
            classifier.reset(false);
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
        classifier.close();
    }
}
