package org.yizhan.kiosk.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.devices.health.SimulatedHealthDevice;
import org.yizhan.devices.qr.SimulatedQrScanner;
import org.yizhan.devices.system.SimulatedSystemProbe;
import org.yizhan.devices.voice.SimulatedVoicePrompts;
import org.yizhan.devices.voice.VoicePrompts;
import org.yizhan.devices.wiring.SimulatedGpio;

/**
 * The hands on a simulated kiosk's devices, as the headless commands use them: a code read, an input's
 * level, a characteristic value from a health device, a device unplugged and plugged back.
 *
 * <p>Everything goes through the twin's real path — the scan filter, the debouncer, the characteristic
 * parsers — and reaches the kiosk as the real device would. Unknown names are an {@link
 * IllegalArgumentException} that lists the known ones. Threading: call on the kiosk thread, whose clock
 * times the twins.
 */
public final class DeviceSimulation {

    private final SimulatedQrScanner scanner;
    private final SimulatedGpio gpio;
    private final Map<String, SimulatedHealthDevice> health;
    private final Optional<SimulatedVoicePrompts> voice;
    private final SimulatedSystemProbe system;

    /** {@code voice} is null on a kiosk configured without one. */
    DeviceSimulation(SimulatedQrScanner scanner, SimulatedGpio gpio, Map<String, SimulatedHealthDevice> health,
            SimulatedVoicePrompts voice, SimulatedSystemProbe system) {
        this.scanner = scanner;
        this.gpio = gpio;
        this.health = Map.copyOf(health);
        this.voice = Optional.ofNullable(voice);
        this.system = system;
    }

    /** The scanner reads {@code code}. */
    public void scan(String code) {
        scanner.type(code);
    }

    /** Sets an input's electrical level: {@code gpio entry high}. */
    public void gpio(String input, boolean high) {
        gpio.level(input, high);
    }

    /**
     * A health device sends a characteristic value. It goes to the device serving that characteristic;
     * false when none does.
     */
    public boolean ble(BleNotification notification) {
        for (SimulatedHealthDevice device : health.values()) {
            if (device.serves(notification.characteristic())) {
                return device.receive(notification);
            }
        }
        return false;
    }

    public void unplug(String device) {
        find(device).unplug().run();
    }

    public void plug(String device) {
        find(device).plug().run();
    }

    /** The simulated voice, which keeps the prompts it played; empty with {@code voice.enabled=false}. */
    public Optional<SimulatedVoicePrompts> voice() {
        return voice;
    }

    /** The simulated Pi, whose readings can be set. */
    public SimulatedSystemProbe system() {
        return system;
    }

    /** Every device that can be unplugged, by name. */
    public List<String> pluggable() {
        List<String> names = new ArrayList<>();
        names.add(scanner.name());
        names.addAll(gpio.devices());
        names.addAll(health.keySet().stream().sorted().toList());
        voice.ifPresent(v -> names.add(VoicePrompts.NAME));
        return names;
    }

    private Pluggable find(String device) {
        if (device.equals(scanner.name())) {
            return new Pluggable(scanner::unplug, scanner::plug);
        }
        if (gpio.devices().contains(device)) {
            return new Pluggable(() -> gpio.unplug(device), () -> gpio.plug(device));
        }
        SimulatedHealthDevice healthDevice = health.get(device);
        if (healthDevice != null) {
            return new Pluggable(healthDevice::unplug, healthDevice::plug);
        }
        if (voice.isPresent() && device.equals(VoicePrompts.NAME)) {
            return new Pluggable(voice.get()::unplug, voice.get()::plug);
        }
        throw new IllegalArgumentException("no device called '" + device + "' can be unplugged; devices are "
                + String.join(", ", pluggable()));
    }

    private record Pluggable(Runnable unplug, Runnable plug) {
    }
}
