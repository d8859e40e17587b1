package org.yizhan.devices.gpio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which header pin each GPIO peripheral is wired to, and how: the pin half of the {@code gpio.*}
 * configuration. A peripheral without a pin is not fitted at this kiosk.
 *
 * <p>Keys (BCM numbers, as printed on pinout diagrams, not physical pin positions):
 * <pre>
 * gpio.light.red, gpio.light.green, gpio.light.blue   RGB status LED; red and green go together, blue is optional
 * gpio.light.active-low                               true for a common-anode LED (default false)
 * gpio.buzzer, gpio.buzzer.active-low                 active buzzer (default active-high)
 * gpio.door, gpio.door.active-low                     door relay (default active-high)
 * gpio.entry, gpio.entry.active-low, gpio.entry.pull  PIR (defaults: active-high, pull down) or IR beam
 * gpio.help, gpio.help.active-low, gpio.help.pull     help button (defaults: active-low, pull up: a button to ground)
 * </pre>
 *
 * <p>Validation, with the bad key first in the message: pins are BCM 2–27 (0 and 1 belong to the HAT
 * EEPROM); no pin is used twice; booleans are {@code true} or {@code false}; an input's pull must not hold
 * it at its active level when nothing drives it; a wiring setting needs its device's pin; and the door
 * relay must sit on a pin whose power-on pull keeps the relay released — the state the Pi is in while it
 * boots and, with {@code dtparam=strict_gpiod}, after the kiosk dies (see docs/devices.md). Keys this map
 * does not own are left alone ({@link GpioConfig#parse} rejects unknown ones).
 */
public record GpioPinMap(Optional<LightPins> light, Optional<OutputPin> buzzer, Optional<OutputPin> door,
        Optional<InputPin> entry, Optional<InputPin> help) {

    public static final int FIRST_BCM = 2;
    public static final int LAST_BCM = 27;
    /** BCM 0–8 are pulled up at power-on, 9–27 pulled down (BCM2711 datasheet, GPIO pads defaults). */
    private static final int LAST_PULLED_UP_AT_POWER_ON = 8;

    public static final String LIGHT_RED = "gpio.light.red";
    public static final String LIGHT_GREEN = "gpio.light.green";
    public static final String LIGHT_BLUE = "gpio.light.blue";
    public static final String LIGHT_ACTIVE_LOW = "gpio.light.active-low";
    public static final String BUZZER = "gpio.buzzer";
    public static final String BUZZER_ACTIVE_LOW = "gpio.buzzer.active-low";
    public static final String DOOR = "gpio.door";
    public static final String DOOR_ACTIVE_LOW = "gpio.door.active-low";
    public static final String ENTRY = "gpio.entry";
    public static final String ENTRY_ACTIVE_LOW = "gpio.entry.active-low";
    public static final String ENTRY_PULL = "gpio.entry.pull";
    public static final String HELP = "gpio.help";
    public static final String HELP_ACTIVE_LOW = "gpio.help.active-low";
    public static final String HELP_PULL = "gpio.help.pull";

    /** Every key this map reads. */
    public static final List<String> KEYS = List.of(LIGHT_RED, LIGHT_GREEN, LIGHT_BLUE, LIGHT_ACTIVE_LOW, BUZZER,
            BUZZER_ACTIVE_LOW, DOOR, DOOR_ACTIVE_LOW, ENTRY, ENTRY_ACTIVE_LOW, ENTRY_PULL, HELP, HELP_ACTIVE_LOW,
            HELP_PULL);

    /** Wiring of a PIR sensor: it drives its output high while it sees someone. */
    public static final boolean ENTRY_DEFAULT_ACTIVE_LOW = false;
    public static final Pull ENTRY_DEFAULT_PULL = Pull.DOWN;
    /** Wiring of a push button between the pin and ground. */
    public static final boolean HELP_DEFAULT_ACTIVE_LOW = true;
    public static final Pull HELP_DEFAULT_PULL = Pull.UP;

    public static GpioPinMap none() {
        return new GpioPinMap(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Reads the pin keys of {@code properties} (the kiosk's whole configuration may be passed).
     *
     * @throws GpioConfigException naming the first bad key
     */
    public static GpioPinMap parse(Map<String, String> properties) {
        Parser parser = new Parser(properties);
        Optional<LightPins> light = parser.light();
        Optional<OutputPin> buzzer = parser.output(BUZZER, BUZZER_ACTIVE_LOW, false);
        Optional<OutputPin> door = parser.output(DOOR, DOOR_ACTIVE_LOW, false);
        door.ifPresent(GpioPinMap::checkDoorReleasedAtPowerOn);
        Optional<InputPin> entry = parser.input(ENTRY, ENTRY_ACTIVE_LOW, ENTRY_PULL, ENTRY_DEFAULT_ACTIVE_LOW,
                ENTRY_DEFAULT_PULL);
        Optional<InputPin> help = parser.input(HELP, HELP_ACTIVE_LOW, HELP_PULL, HELP_DEFAULT_ACTIVE_LOW,
                HELP_DEFAULT_PULL);
        return new GpioPinMap(light, buzzer, door, entry, help);
    }

    static void checkBcm(String key, int bcm) {
        if (bcm < FIRST_BCM || bcm > LAST_BCM) {
            throw new GpioConfigException(key, "pin " + bcm + " is not a GPIO of the 40-pin header; use BCM "
                    + FIRST_BCM + "–" + LAST_BCM + " (0 and 1 are reserved for the HAT EEPROM)");
        }
    }

    private static void checkDoorReleasedAtPowerOn(OutputPin door) {
        boolean pulledUp = door.bcm() <= LAST_PULLED_UP_AT_POWER_ON;
        // The relay must stay released whenever no program drives the line: while the Pi boots, and after
        // the kiosk dies once the kernel returns the line to an input. Only the power-on pull holds it then.
        if (pulledUp && !door.activeLow()) {
            throw new GpioConfigException(door.key(), "pin " + door.bcm() + " is pulled up at power-on, which"
                    + " energises an active-high relay while the Pi boots or after the kiosk dies; use a pin "
                    + (LAST_PULLED_UP_AT_POWER_ON + 1) + "–" + LAST_BCM + ", or an active-low relay");
        }
        if (!pulledUp && door.activeLow()) {
            throw new GpioConfigException(door.key(), "pin " + door.bcm() + " is pulled down at power-on, which"
                    + " energises an active-low relay while the Pi boots or after the kiosk dies; use a pin "
                    + FIRST_BCM + "–" + LAST_PULLED_UP_AT_POWER_ON + ", or an active-high relay");
        }
    }

    private static final class Parser {
        private final Map<String, String> properties;
        /** Pin number to the key that took it, in the order keys are read. */
        private final Map<Integer, String> used = new LinkedHashMap<>();

        Parser(Map<String, String> properties) {
            this.properties = properties;
        }

        Optional<LightPins> light() {
            Optional<Integer> red = pin(LIGHT_RED);
            Optional<Integer> green = pin(LIGHT_GREEN);
            Optional<Integer> blue = pin(LIGHT_BLUE);
            Optional<Boolean> activeLow = bool(LIGHT_ACTIVE_LOW);
            if (red.isEmpty() && green.isEmpty() && blue.isEmpty()) {
                activeLow.ifPresent(ignored -> {
                    throw new GpioConfigException(LIGHT_RED, "no pin, but " + LIGHT_ACTIVE_LOW + " is set");
                });
                return Optional.empty();
            }
            if (red.isEmpty()) {
                throw new GpioConfigException(LIGHT_RED, "missing: the status light needs its red and green pins");
            }
            if (green.isEmpty()) {
                throw new GpioConfigException(LIGHT_GREEN,
                        "missing: the status light needs its red and green pins");
            }
            boolean low = activeLow.orElse(false);
            return Optional.of(new LightPins(new OutputPin(LIGHT_RED, red.get(), low),
                    new OutputPin(LIGHT_GREEN, green.get(), low),
                    blue.map(bcm -> new OutputPin(LIGHT_BLUE, bcm, low))));
        }

        Optional<OutputPin> output(String key, String activeLowKey, boolean defaultActiveLow) {
            Optional<Integer> bcm = pin(key);
            Optional<Boolean> activeLow = bool(activeLowKey);
            if (bcm.isEmpty()) {
                requireNoWiringWithoutPin(key, activeLowKey);
                return Optional.empty();
            }
            return Optional.of(new OutputPin(key, bcm.get(), activeLow.orElse(defaultActiveLow)));
        }

        Optional<InputPin> input(String key, String activeLowKey, String pullKey, boolean defaultActiveLow,
                Pull defaultPull) {
            Optional<Integer> bcm = pin(key);
            Optional<Boolean> activeLow = bool(activeLowKey);
            Optional<Pull> pull = pull(pullKey);
            if (bcm.isEmpty()) {
                requireNoWiringWithoutPin(key, activeLowKey, pullKey);
                return Optional.empty();
            }
            boolean low = activeLow.orElse(defaultActiveLow);
            Pull resistor = pull.orElse(defaultPull);
            if (low && resistor == Pull.DOWN || !low && resistor == Pull.UP) {
                throw new GpioConfigException(pullKey, "pull " + resistor.code() + " holds an active-"
                        + (low ? "low" : "high") + " input at its active level when nothing drives it; use "
                        + (low ? "up" : "down") + ", or off with an external resistor");
            }
            return Optional.of(new InputPin(key, bcm.get(), low, resistor));
        }

        private void requireNoWiringWithoutPin(String key, String... wiringKeys) {
            for (String wiringKey : wiringKeys) {
                if (value(wiringKey) != null) {
                    throw new GpioConfigException(key, "no pin, but " + wiringKey + " is set");
                }
            }
        }

        private Optional<Integer> pin(String key) {
            String raw = value(key);
            if (raw == null) {
                return Optional.empty();
            }
            int bcm;
            try {
                bcm = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new GpioConfigException(key, "'" + raw + "' is not a pin number; give the BCM GPIO number, "
                        + FIRST_BCM + "–" + LAST_BCM);
            }
            checkBcm(key, bcm);
            String holder = used.putIfAbsent(bcm, key);
            if (holder != null) {
                throw new GpioConfigException(key, "pin " + bcm + " is already used by " + holder);
            }
            return Optional.of(bcm);
        }

        private Optional<Boolean> bool(String key) {
            String raw = value(key);
            if (raw == null) {
                return Optional.empty();
            }
            return switch (raw.toLowerCase(Locale.ROOT)) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> throw new GpioConfigException(key, "expected true or false, not '" + raw + "'");
            };
        }

        private Optional<Pull> pull(String key) {
            String raw = value(key);
            if (raw == null) {
                return Optional.empty();
            }
            for (Pull pull : Pull.values()) {
                if (pull.code().equalsIgnoreCase(raw)) {
                    return Optional.of(pull);
                }
            }
            throw new GpioConfigException(key, "expected up, down or off, not '" + raw + "'");
        }

        /** The trimmed value, or null when the key is absent or blank (a key left empty in a template). */
        private String value(String key) {
            String raw = properties.get(key);
            if (raw == null || raw.isBlank()) {
                return null;
            }
            return raw.trim();
        }
    }
}
