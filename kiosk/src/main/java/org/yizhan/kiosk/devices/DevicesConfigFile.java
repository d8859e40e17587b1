package org.yizhan.kiosk.devices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yizhan.devices.gpio.GpioConfig;
import org.yizhan.devices.health.HealthDeviceConfig;
import org.yizhan.devices.health.ble.BleHealthDeviceConfig;
import org.yizhan.devices.health.serial.SerialHealthDeviceConfig;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.camera.CameraScannerConfig;
import org.yizhan.devices.qr.evdev.EvdevScannerConfig;
import org.yizhan.devices.qr.evdev.Keymap;
import org.yizhan.devices.qr.serial.SerialScannerConfig;
import org.yizhan.devices.qr.serial.Terminator;
import org.yizhan.devices.system.SystemProbeConfig;
import org.yizhan.kiosk.config.KioskConfigException;
import org.yizhan.protocol.ShortDuration;

/**
 * Reads the device keys of a kiosk configuration ({@code scanner.*}, {@code gpio.*}, {@code health.*},
 * {@code system.*}, {@code voice.*}; listed in {@code docs/devices.md}) into a {@link DevicesConfig}. Like the
 * rest of the configuration, an unknown key or a bad value is a {@link KioskConfigException} naming the key,
 * raised at start rather than when the device is first used.
 */
public final class DevicesConfigFile {

    /** The prefixes of the keys this class reads; the kiosk's own parser leaves them to it. */
    public static final List<String> PREFIXES = List.of("scanner.", "gpio.", "health.", "system.", "voice.");

    private static final List<String> SCANNER_KEYS = List.of("scanner.kind", "scanner.name", "scanner.device",
            "scanner.record-size", "scanner.keymap", "scanner.baud", "scanner.terminator", "scanner.repeat-window",
            "scanner.reconnect-interval", "scanner.command", "scanner.width", "scanner.height", "scanner.format");
    private static final List<String> HEALTH_DEVICE_KEYS = List.of("kind", "profile", "address", "adapter",
            "poll-interval", "port", "baud", "protocol", "reopen-interval");
    private static final List<String> SYSTEM_KEYS = List.of("system.probe-interval", "system.write-check-interval");
    private static final List<String> VOICE_KEYS = List.of("voice.enabled");

    private DevicesConfigFile() {
    }

    /**
     * @param properties the whole configuration; keys without a device prefix are ignored
     * @param base       where relative paths (a keymap file) are resolved
     * @param dataDir    the kiosk's data directory, whose partition the system probe watches
     */
    public static DevicesConfig parse(Map<String, String> properties, Path base, Path dataDir) {
        Keys keys = new Keys(properties, base);
        GpioConfig gpio;
        try {
            gpio = GpioConfig.parse(properties);
        } catch (IllegalArgumentException e) {
            // GpioConfigException's message starts with the key.
            throw new KioskConfigException("config key " + e.getMessage());
        }
        return new DevicesConfig(scanner(keys), gpio, health(keys), system(keys, dataDir), voice(keys));
    }

    private static ScannerSetup scanner(Keys keys) {
        keys.refuseUnknown("scanner.", SCANNER_KEYS);
        String kind = keys.get("scanner.kind", s -> s, "keyboard");
        String name = keys.get("scanner.name", DevicesConfigFile::name, "scanner");
        Duration repeat = keys.get("scanner.repeat-window", ShortDuration::parse, ScanFilter.DEFAULT_REPEAT_WINDOW);
        switch (kind) {
            case "keyboard" -> {
                keys.refuseAllBut("scanner.", kind, List.of("scanner.kind"));
                return new ScannerSetup.Keyboard();
            }
            case "simulated" -> {
                keys.refuseAllBut("scanner.", kind, List.of("scanner.kind", "scanner.name", "scanner.repeat-window"));
                return new ScannerSetup.Simulated(name, repeat);
            }
            case "evdev" -> {
                keys.refuseAllBut("scanner.", kind, List.of("scanner.kind", "scanner.name", "scanner.repeat-window",
                        "scanner.device", "scanner.record-size", "scanner.keymap", "scanner.reconnect-interval"));
                Path device = keys.require("scanner.device", keys::path);
                EvdevScannerConfig defaults = EvdevScannerConfig.defaults(name, device);
                return keys.build("scanner.kind", () -> new ScannerSetup.Evdev(new EvdevScannerConfig(name, device,
                        keys.get("scanner.record-size", Integer::parseInt, defaults.recordSize()),
                        keys.get("scanner.keymap", text -> Keymap.named(keys.keymapPath(text)), defaults.keymap()),
                        repeat,
                        keys.get("scanner.reconnect-interval", ShortDuration::parse,
                                defaults.reconnectInterval()))));
            }
            case "serial" -> {
                keys.refuseAllBut("scanner.", kind, List.of("scanner.kind", "scanner.name", "scanner.repeat-window",
                        "scanner.device", "scanner.baud", "scanner.terminator", "scanner.reconnect-interval"));
                String port = keys.require("scanner.device", s -> s);
                SerialScannerConfig defaults = SerialScannerConfig.defaults(name, port);
                return keys.build("scanner.kind", () -> new ScannerSetup.Serial(new SerialScannerConfig(name, port,
                        keys.get("scanner.baud", Integer::parseInt, defaults.baud()),
                        keys.get("scanner.terminator", Terminator::parse, defaults.terminator()),
                        repeat,
                        keys.get("scanner.reconnect-interval", ShortDuration::parse,
                                defaults.reconnectInterval()))));
            }
            case "camera" -> {
                keys.refuseAllBut("scanner.", kind, List.of("scanner.kind", "scanner.name", "scanner.repeat-window",
                        "scanner.command", "scanner.width", "scanner.height", "scanner.format"));
                return keys.build("scanner.kind", () -> new ScannerSetup.Camera(
                        CameraScannerConfig.fromKeys(name, keys.properties()).withRepeatWindow(repeat)));
            }
            default -> throw new KioskConfigException("config key scanner.kind: '" + kind
                    + "' is not a scanner kind; kinds are keyboard, evdev, serial, camera, simulated");
        }
    }

    private static List<HealthSetup> health(Keys keys) {
        List<String> names = keys.get("health.devices", DevicesConfigFile::names, List.of());
        List<String> known = new ArrayList<>(List.of("health.devices"));
        for (String name : names) {
            HEALTH_DEVICE_KEYS.forEach(key -> known.add("health." + name + "." + key));
        }
        keys.refuseUnknown("health.", known);
        List<HealthSetup> setups = new ArrayList<>();
        for (String name : names) {
            String prefix = "health." + name + ".";
            HealthProfile profile = keys.require(prefix + "profile", code -> HealthProfile.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a profile; profiles are "
                            + HealthProfile.codes())));
            String kind = keys.require(prefix + "kind", s -> s);
            Optional<HealthDeviceConfig> transport = switch (kind) {
                case "simulated" -> {
                    keys.refuseAllBut(prefix, kind, List.of(prefix + "kind", prefix + "profile"));
                    yield Optional.empty();
                }
                case "ble" -> {
                    keys.refuseAllBut(prefix, kind, List.of(prefix + "kind", prefix + "profile", prefix + "address",
                            prefix + "adapter", prefix + "poll-interval"));
                    yield Optional.of(keys.build(prefix + "kind", () -> {
                        BleHealthDeviceConfig ble = profile.ble(name);
                        ble = keys.get(prefix + "address", ble::withAddress, ble);
                        ble = keys.get(prefix + "adapter", ble::withAdapter, ble);
                        Duration poll = keys.get(prefix + "poll-interval", ShortDuration::parse, ble.pollInterval());
                        return ble.withPollInterval(poll);
                    }));
                }
                case "serial" -> {
                    keys.refuseAllBut(prefix, kind, List.of(prefix + "kind", prefix + "profile", prefix + "port",
                            prefix + "baud", prefix + "protocol", prefix + "reopen-interval"));
                    keys.get(prefix + "protocol", DevicesConfigFile::bridgeLine, "bridge-line");
                    String port = keys.require(prefix + "port", s -> s);
                    yield Optional.of(keys.build(prefix + "kind", () -> {
                        SerialHealthDeviceConfig serial = SerialHealthDeviceConfig.bridge(name, port);
                        serial = serial.withBaud(keys.get(prefix + "baud", Integer::parseInt, serial.baud()));
                        return serial.withReopenInterval(keys.get(prefix + "reopen-interval", ShortDuration::parse,
                                serial.reopenInterval()));
                    }));
                }
                default -> throw new KioskConfigException("config key " + prefix + "kind: '" + kind
                        + "' is not a health device kind; kinds are ble, serial, simulated");
            };
            setups.add(new HealthSetup(name, profile, transport));
        }
        return setups;
    }

    private static SystemProbeConfig system(Keys keys, Path dataDir) {
        keys.refuseUnknown("system.", SYSTEM_KEYS);
        SystemProbeConfig d = SystemProbeConfig.defaults(dataDir);
        return keys.build("system.probe-interval", () -> new SystemProbeConfig(d.dataDir(),
                keys.get("system.probe-interval", ShortDuration::parse, d.interval()),
                keys.get("system.write-check-interval", ShortDuration::parse, d.writeCheckInterval()),
                d.throttledCommand(), d.commandTimeout(), d.thresholds()));
    }

    private static boolean voice(Keys keys) {
        keys.refuseUnknown("voice.", VOICE_KEYS);
        return keys.get("voice.enabled", DevicesConfigFile::bool, true);
    }

    private static boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("'" + text + "' is not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static String name(String text) {
        if (!text.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("'" + text + "' is not a device name: use up to 32 of a-z, 0-9 and -");
        }
        return text;
    }

    private static List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = name(part.strip());
            if (!names.add(name)) {
                throw new IllegalArgumentException("device '" + name + "' is named twice");
            }
        }
        return List.copyOf(names);
    }

    private static String bridgeLine(String text) {
        if (!text.equals("bridge-line")) {
            throw new IllegalArgumentException("'" + text + "' is not a frame protocol; the one protocol is bridge-line");
        }
        return text;
    }

    /** Raw values, with the key named in every error. */
    private record Keys(Map<String, String> properties, Path base) {

        <T> T get(String key, Function<String, T> parser, T fallback) {
            return properties.containsKey(key) ? require(key, parser) : fallback;
        }

        <T> T require(String key, Function<String, T> parser) {
            String raw = properties.get(key);
            if (raw == null || raw.isBlank()) {
                throw new KioskConfigException("config key " + key + " is missing");
            }
            try {
                return parser.apply(raw.strip());
            } catch (KioskConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new KioskConfigException("config key " + key + ": " + e.getMessage());
            }
        }

        /** Runs a device config's constructor, whose own checks name the value but not the key. */
        <T> T build(String key, Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (KioskConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new KioskConfigException("config key " + key + ": " + e.getMessage());
            }
        }

        Path path(String text) {
            return base.resolve(text).normalize();
        }

        /** A built-in keymap name stays as it is; anything else is a file next to the configuration. */
        String keymapPath(String text) {
            return text.equals("us") || text.equals("de") ? text : path(text).toString();
        }

        void refuseUnknown(String prefix, List<String> known) {
            Set<String> unknown = new TreeSet<>();
            properties.keySet().stream().filter(k -> k.startsWith(prefix) && !known.contains(k)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw new KioskConfigException("unknown config key " + unknown.iterator().next() + "; the "
                        + prefix + "* keys are " + String.join(", ", known));
            }
        }

        /** A key that belongs to another kind is a mistake worth naming: the kiosk would silently ignore it. */
        void refuseAllBut(String prefix, String kind, List<String> allowed) {
            properties.keySet().stream()
                    .filter(k -> k.startsWith(prefix) && !allowed.contains(k))
                    .sorted()
                    .findFirst()
                    .ifPresent(k -> {
                        throw new KioskConfigException("config key " + k + " does not apply to kind " + kind);
                    });
        }
    }
}
