package org.yizhan.devices.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.buzzer.Buzzer;
import org.yizhan.devices.buzzer.GpioBuzzer;
import org.yizhan.devices.door.DoorRelay;
import org.yizhan.devices.door.GpioDoorRelay;
import org.yizhan.devices.entry.EntrySensor;
import org.yizhan.devices.entry.GpioEntrySensor;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.GpioLines;
import org.yizhan.devices.gpio.GpioPinMap;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.help.GpioHelpButton;
import org.yizhan.devices.help.HelpButton;
import org.yizhan.devices.light.GpioStatusLight;
import org.yizhan.devices.light.StatusLight;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The kiosk's real GPIO peripherals, one for each pin configured: a peripheral without a pin is not fitted
 * and is empty here. Each reports on the status board and keeps trying to claim its lines, so the kiosk
 * starts and runs whether or not they can be claimed.
 *
 * <p>{@link #close} locks the door first, then silences and releases everything; it may be called more
 * than once.
 */
public final class GpioDevices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GpioDevices.class);

    private final Optional<StatusLight> light;
    private final Optional<Buzzer> buzzer;
    private final Optional<DoorRelay> door;
    private final Optional<EntrySensor> entry;
    private final Optional<HelpButton> help;
    private final List<AutoCloseable> owned;

    private GpioDevices(GpioConfig config, DeviceStatusBoard board, GpioLines lines, GpioTime time,
            List<AutoCloseable> owned) {
        GpioPinMap pins = config.pins();
        this.door = pins.door().map(pin -> new GpioDoorRelay(pin, config.doorOpenFor(), lines, time, board));
        this.light = pins.light().map(pin -> new GpioStatusLight(pin, config.lightBlink(), lines, time, board));
        this.buzzer = pins.buzzer().map(pin -> new GpioBuzzer(pin, config.buzzerBeep(), lines, time, board));
        this.entry = pins.entry().map(pin -> new GpioEntrySensor(pin, config.entryDebounce(), lines, time, board));
        this.help = pins.help().map(pin -> new GpioHelpButton(pin, config.helpDebounce(), config.helpLongPress(),
                lines, time, board));
        this.owned = owned;
    }

    /**
     * The configured peripherals on the Pi's gpiod lines, with their timers on a thread of their own.
     */
    public static GpioDevices open(GpioConfig config, DeviceStatusBoard board) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "yizhan-gpio");
            thread.setDaemon(true);
            return thread;
        });
        GpioLines lines = GpioLines.gpiod(config.retry());
        return new GpioDevices(config, board, lines, GpioTime.system(timers), List.of(lines, timers::shutdownNow));
    }

    /** The configured peripherals on lines and time the caller owns, e.g. Pi4J's mock provider in tests. */
    public static GpioDevices open(GpioConfig config, DeviceStatusBoard board, GpioLines lines, GpioTime time) {
        return new GpioDevices(config, board, lines, time, List.of());
    }

    public Optional<StatusLight> light() {
        return light;
    }

    public Optional<Buzzer> buzzer() {
        return buzzer;
    }

    public Optional<DoorRelay> door() {
        return door;
    }

    public Optional<EntrySensor> entry() {
        return entry;
    }

    public Optional<HelpButton> help() {
        return help;
    }

    @Override
    public void close() {
        List<AutoCloseable> closing = new ArrayList<>();
        door.ifPresent(closing::add);
        light.ifPresent(closing::add);
        buzzer.ifPresent(closing::add);
        entry.ifPresent(closing::add);
        help.ifPresent(closing::add);
        closing.addAll(owned);
        for (AutoCloseable device : closing) {
            try {
                device.close();
            } catch (Exception e) {
                log.warn("closing {} failed", device, e);
            }
        }
    }
}
