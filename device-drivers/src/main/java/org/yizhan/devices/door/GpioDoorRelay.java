package org.yizhan.devices.door;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioLines;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.LineKeeper;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A door relay on a GPIO line, energised while its line is at its active level ({@code gpio.door.active-low}
 * for the common low-level-trigger relay modules).
 *
 * <p>The door is locked however the kiosk ends:
 * <ul>
 *   <li>{@link #close}: the line goes to rest, then is released;</li>
 *   <li>normal exit or SIGTERM (systemd stopping or restarting the kiosk): a JVM shutdown hook drives the
 *       line to rest, without waiting for any lock;</li>
 *   <li>SIGKILL, a JVM crash, power loss: no code runs. The relay is wired fail-secure, and the kernel
 *       returns the released line to an input held by the pin's power-on pull, which {@code GpioPinMap}
 *       requires to be the relay's rest level — when the Pi runs with {@code dtparam=strict_gpiod}. Without
 *       it a Raspberry Pi kernel keeps the line driven; the relay is then reported degraded with that
 *       advice ({@link GpioLines#releaseWarning()}).</li>
 * </ul>
 *
 * <p>Status: connected once its line is claimed (degraded when released lines persist); absent, with Pi4J's
 * reason, while it cannot be claimed, and claimed again every {@link GpioLines#retry()}. A pulse while the
 * line is not claimed is logged and does not open the door; if the line is claimed during the open time,
 * the door opens for the rest of it.
 */
public final class GpioDoorRelay implements DoorRelay {

    private static final Logger log = LoggerFactory.getLogger(GpioDoorRelay.class);

    private final Object lock = new Object();
    private final OutputPin pin;
    private final Duration openFor;
    private final DoorPulse pulse;
    private final LineKeeper<DigitalOutput> keeper;
    private final Thread shutdownHook;
    // Read by the shutdown hook without the lock, so that a stuck lock holder cannot keep the door open.
    private volatile DigitalOutput claimed;

    public GpioDoorRelay(OutputPin pin, Duration openFor, GpioLines lines, GpioTime time,
            DeviceStatusBoard board) {
        this.pin = pin;
        this.openFor = openFor;
        this.pulse = new DoorPulse(lock, time, this::write);
        this.keeper = new LineKeeper<>(lock, NAME, lines, time, board, () -> lines.output(pin), output -> {
            claimed = output;
            write(pulse.open());
            lines.releaseWarning().ifPresent(warning -> board.degraded(NAME, warning));
        }, output -> {
            claimed = null;
            lines.release(output);
        });
        this.shutdownHook = new Thread(this::lockOnShutdown, "yizhan-door-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        keeper.start();
    }

    @Override
    public void pulse() {
        pulse(openFor);
    }

    @Override
    public void pulse(Duration length) {
        if (keeper.line().isEmpty()) {
            log.warn("door pulse while the relay line is not claimed: the door stays locked for now");
        }
        pulse.pulse(length);
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return pulse.open() && keeper.line().isPresent();
        }
    }

    @Override
    public void close() {
        pulse.lockForGood();
        keeper.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it finds the door locked.
        }
    }

    private void write(boolean open) {
        keeper.line().ifPresent(output -> {
            try {
                output.state(DigitalState.getState(pin.level(open)));
            } catch (RuntimeException e) {
                log.error("door relay write failed", e);
                keeper.failed("write failed: " + e.getMessage());
            }
        });
    }

    private void lockOnShutdown() {
        DigitalOutput output = claimed;
        if (output == null) {
            return;
        }
        try {
            output.state(DigitalState.getState(pin.level(false)));
            log.info("door locked on shutdown");
        } catch (RuntimeException e) {
            // Pi4J's own shutdown hook may have released the line already, to the same rest level.
            log.warn("door line not written on shutdown: {}", e.getMessage());
        }
    }
}
