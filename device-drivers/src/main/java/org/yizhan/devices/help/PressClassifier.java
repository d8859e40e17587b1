package org.yizhan.devices.help;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.DebouncedInput;
import org.yizhan.devices.gpio.Debouncer;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.Scheduler;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Debounces the button and tells a press from a long press, and a stuck button from a held one. Shared
 * by the real and the simulated button.
 *
 * <p>Threading: runs while holding {@code lock}, the owning button's monitor.
 */
final class PressClassifier {

    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PressClassifier.class);

    private final Object lock;
    private final Duration longPress;
    private final GpioTime time;
    private final DeviceStatusBoard board;
    private final DebouncedInput input;
    private HelpButtonListener listener;
    /** When the press under way went down; null when released, or held since before it could be seen. */
    private Instant pressedSince;
    private boolean longReported;
    private boolean stuck;
    private Scheduler.Scheduled longTimer;
    private Scheduler.Scheduled stuckTimer;

    PressClassifier(Object lock, Duration debounce, Duration longPress, GpioTime time, DeviceStatusBoard board) {
        this.lock = lock;
        this.longPress = longPress;
        this.time = time;
        this.board = board;
        this.input = new DebouncedInput(lock, debounce, false, time, this::edge);
    }

    void start(HelpButtonListener buttonListener) {
        synchronized (lock) {
            if (listener != null) {
                throw new IllegalStateException("the help button is already started");
            }
            listener = buttonListener;
        }
    }

    void level(boolean active) {
        input.level(active);
    }

    /** Takes {@code active} as the current level without a press: a line just claimed, or unplugged. */
    void reset(boolean active) {
        synchronized (lock) {
            input.reset(active);
            cancelTimers();
            pressedSince = null;
            stuck = false;
            if (active) {
                armStuck(time.now());
            }
        }
    }

    void close() {
        synchronized (lock) {
            input.close();
            cancelTimers();
        }
    }

    private void edge(Debouncer.Edge edge) {
        if (edge.active()) {
            pressedSince = edge.since();
            longReported = false;
            armLong();
            armStuck(edge.since());
            return;
        }
        cancelTimers();
        if (stuck) {
            stuck = false;
            board.connected(HelpButton.NAME);
        }
        Instant since = pressedSince;
        pressedSince = null;
        if (since != null && !longReported) {
            deliver(false, since);
        }
    }

    private void armLong() {
        Instant due = pressedSince.plus(longPress);
        longTimer = time.scheduler().schedule(Duration.between(time.now(), due), this::onLongPressTime);
    }

    private void onLongPressTime() {
        synchronized (lock) {
            longTimer = null;
            if (pressedSince == null || longReported) {
                return;
            }
            if (time.now().isBefore(pressedSince.plus(longPress))) {
                armLong();
                return;
            }
            longReported = true;
            deliver(true, pressedSince);
        }
    }

    private void armStuck(Instant since) {
        stuckTimer = time.scheduler().schedule(Duration.between(time.now(), since.plus(STUCK_AFTER)), () -> {
            synchronized (lock) {
                stuckTimer = null;
                if (input.active() && !stuck) {
                    stuck = true;
                    board.degraded(HelpButton.NAME, "held for over " + STUCK_AFTER.toMinutes() + " minute: a stuck"
                            + " button, or gpio.help.active-low or gpio.help.pull set the wrong way");
                }
            }
        });
    }

    private void cancelTimers() {
        if (longTimer != null) {
            longTimer.cancel();
            longTimer = null;
        }
        if (stuckTimer != null) {
            stuckTimer.cancel();
            stuckTimer = null;
        }
    }

    private void deliver(boolean longPressed, Instant since) {
        if (listener == null) {
            return;
        }
        Instant at = time.wallTimeOf(since);
        try {
            if (longPressed) {
                listener.longPressed(at);
            } else {
                listener.pressed(at);
            }
        } catch (RuntimeException e) {
            log.error("help button listener failed", e);
        }
    }
}
