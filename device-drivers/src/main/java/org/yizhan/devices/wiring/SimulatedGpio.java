package org.yizhan.devices.wiring;

import java.util.List;
import org.yizhan.devices.buzzer.Buzzer;
import org.yizhan.devices.buzzer.SimulatedBuzzer;
import org.yizhan.devices.door.DoorRelay;
import org.yizhan.devices.door.SimulatedDoorRelay;
import org.yizhan.devices.entry.EntrySensor;
import org.yizhan.devices.entry.SimulatedEntrySensor;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.Scheduler;
import org.yizhan.devices.gpio.SimulatedInput;
import org.yizhan.devices.help.HelpButton;
import org.yizhan.devices.help.SimulatedHelpButton;
import org.yizhan.devices.light.SimulatedStatusLight;
import org.yizhan.devices.light.StatusLight;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * All five GPIO peripherals, simulated, whatever pins are configured: for tests and the headless mode.
 * They take the configured timings and the inputs' wiring (active-low), so {@code gpio help low} presses a
 * button wired to ground, as on the Pi.
 *
 * <p>Driven by name, as the headless commands {@code gpio <name> high|low}, {@code unplug <device>} and
 * {@code plug <device>} give it; an unknown name is an {@link IllegalArgumentException} that lists the
 * known ones. Threading: see {@link Scheduler} — with the kiosk clock's timers, call it on the kiosk thread.
 */
public final class SimulatedGpio implements AutoCloseable {

    private final SimulatedStatusLight light;
    private final SimulatedBuzzer buzzer;
    private final SimulatedDoorRelay door;
    private final SimulatedEntrySensor entry;
    private final SimulatedHelpButton help;

    public SimulatedGpio(GpioConfig config, DeviceStatusBoard board, GpioTime time) {
        light = new SimulatedStatusLight(config.lightBlink(), time, board);
        buzzer = new SimulatedBuzzer(config.buzzerBeep(), time, board);
        door = new SimulatedDoorRelay(config.doorOpenFor(), time, board);
        entry = new SimulatedEntrySensor(config.entryActiveLow(), config.entryDebounce(), time, board);
        help = new SimulatedHelpButton(config.helpActiveLow(), config.helpDebounce(), config.helpLongPress(), time,
                board);
    }

    public SimulatedStatusLight light() {
        return light;
    }

    public SimulatedBuzzer buzzer() {
        return buzzer;
    }

    public SimulatedDoorRelay door() {
        return door;
    }

    public SimulatedEntrySensor entry() {
        return entry;
    }

    public SimulatedHelpButton help() {
        return help;
    }

    /** The device names, as the status board and the headless commands use them. */
    public List<String> devices() {
        return List.of(StatusLight.NAME, Buzzer.NAME, DoorRelay.NAME, EntrySensor.NAME, HelpButton.NAME);
    }

    /** The inputs {@link #level} drives. */
    public List<String> inputs() {
        return List.of(EntrySensor.NAME, HelpButton.NAME);
    }

    /** Sets the electrical level of the input called {@code name}: {@code gpio entry high}. */
    public void level(String name, boolean high) {
        SimulatedInput input = switch (name) {
            case EntrySensor.NAME -> entry;
            case HelpButton.NAME -> help;
            default -> throw new IllegalArgumentException(
                    "no simulated GPIO input called '" + name + "'; inputs: " + String.join(", ", inputs()));
        };
        input.level(high);
    }

    public void unplug(String device) {
        switch (device) {
            case StatusLight.NAME -> light.unplug();
            case Buzzer.NAME -> buzzer.unplug();
            case DoorRelay.NAME -> door.unplug();
            case EntrySensor.NAME -> entry.unplug();
            case HelpButton.NAME -> help.unplug();
            default -> throw unknown(device);
        }
    }

    public void plug(String device) {
        switch (device) {
            case StatusLight.NAME -> light.plug();
            case Buzzer.NAME -> buzzer.plug();
            case DoorRelay.NAME -> door.plug();
            case EntrySensor.NAME -> entry.plug();
            case HelpButton.NAME -> help.plug();
            default -> throw unknown(device);
        }
    }

    @Override
    public void close() {
        door.close();
        light.close();
        buzzer.close();
        entry.close();
        help.close();
    }

    private IllegalArgumentException unknown(String device) {
        return new IllegalArgumentException(
                "no simulated GPIO device called '" + device + "'; devices: " + String.join(", ", devices()));
    }
}
