package org.yizhan.devices.gpio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole {@code gpio.*} section of the kiosk's configuration, parsed once at start: the pin map and the
 * timings of each peripheral. Timings apply to the simulated twins too, so they need no pin.
 *
 * <p>Timing keys (a number and a unit: {@code ms}, {@code s} or {@code m}):
 * <pre>
 * gpio.light.blink        500ms  blink period of the attention pattern; the idle heartbeat is one blink in four
 * gpio.buzzer.beep        120ms  one short beep; the double beep's gap is as long
 * gpio.door.open-for      5s     how long a pulse holds the door open (1 s to 5 min)
 * gpio.entry.debounce     50ms   how long the entry sensor's level must hold to count (IR beam: 50 ms)
 * gpio.help.debounce      30ms   how long the help button's level must hold
 * gpio.help.long-press    3s     how long the help button must be held for a long press
 * gpio.retry              2s     how often a line that could not be claimed is tried again
 * </pre>
 *
 * <p>{@link #parse} rejects an unknown {@code gpio.*} key, since a misspelt one would otherwise be
 * silently ignored and leave a peripheral unconfigured.
 */
public record GpioConfig(GpioPinMap pins, Duration lightBlink, Duration buzzerBeep, Duration doorOpenFor,
        Duration entryDebounce, Duration helpDebounce, Duration helpLongPress, Duration retry) {

    public static final String LIGHT_BLINK = "gpio.light.blink";
    public static final String BUZZER_BEEP = "gpio.buzzer.beep";
    public static final String DOOR_OPEN_FOR = "gpio.door.open-for";
    public static final String ENTRY_DEBOUNCE = "gpio.entry.debounce";
    public static final String HELP_DEBOUNCE = "gpio.help.debounce";
    public static final String HELP_LONG_PRESS = "gpio.help.long-press";
    public static final String RETRY = "gpio.retry";

    private static final List<String> TIMING_KEYS = List.of(LIGHT_BLINK, BUZZER_BEEP, DOOR_OPEN_FOR,
            ENTRY_DEBOUNCE, HELP_DEBOUNCE, HELP_LONG_PRESS, RETRY);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    public GpioConfig {
        Objects.requireNonNull(pins, "pins");
        Objects.requireNonNull(lightBlink, "lightBlink");
        Objects.requireNonNull(buzzerBeep, "buzzerBeep");
        Objects.requireNonNull(doorOpenFor, "doorOpenFor");
        Objects.requireNonNull(entryDebounce, "entryDebounce");
        Objects.requireNonNull(helpDebounce, "helpDebounce");
        Objects.requireNonNull(helpLongPress, "helpLongPress");
        Objects.requireNonNull(retry, "retry");
        within(LIGHT_BLINK, lightBlink, Duration.ofMillis(50), Duration.ofSeconds(10));
        within(BUZZER_BEEP, buzzerBeep, Duration.ofMillis(10), Duration.ofSeconds(2));
        within(DOOR_OPEN_FOR, doorOpenFor, Duration.ofSeconds(1), Duration.ofMinutes(5));
        within(ENTRY_DEBOUNCE, entryDebounce, Duration.ZERO, Duration.ofSeconds(10));
        within(HELP_DEBOUNCE, helpDebounce, Duration.ZERO, Duration.ofSeconds(1));
        within(RETRY, retry, Duration.ofMillis(10), Duration.ofMinutes(1));
        if (helpLongPress.compareTo(helpDebounce) <= 0 || helpLongPress.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new GpioConfigException(HELP_LONG_PRESS, format(helpLongPress)
                    + " must be longer than " + HELP_DEBOUNCE + " (" + format(helpDebounce) + ") and at most 1m");
        }
    }

    /** No pins fitted, default timings: what the simulated kiosk runs with when nothing is configured. */
    public static GpioConfig defaults() {
        return new GpioConfig(GpioPinMap.none(), Duration.ofMillis(500), Duration.ofMillis(120),
                Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(30), Duration.ofSeconds(3),
                Duration.ofSeconds(2));
    }

    /**
     * Reads the {@code gpio.*} keys of {@code properties}; other keys are ignored, so the kiosk may pass its
     * whole configuration.
     *
     * @throws GpioConfigException naming the first bad key
     */
    public static GpioConfig parse(Map<String, String> properties) {
        List<String> known = new ArrayList<>(GpioPinMap.KEYS);
        known.addAll(TIMING_KEYS);
        properties.keySet().stream()
                .filter(key -> key.startsWith("gpio."))
                .filter(key -> !known.contains(key))
                .sorted()
                .findFirst()
                .ifPresent(key -> {
                    throw new GpioConfigException(key, "unknown key; the gpio keys are " + String.join(", ", known));
                });
        GpioConfig defaults = defaults();
        return new GpioConfig(GpioPinMap.parse(properties),
                duration(properties, LIGHT_BLINK, defaults.lightBlink()),
                duration(properties, BUZZER_BEEP, defaults.buzzerBeep()),
                duration(properties, DOOR_OPEN_FOR, defaults.doorOpenFor()),
                duration(properties, ENTRY_DEBOUNCE, defaults.entryDebounce()),
                duration(properties, HELP_DEBOUNCE, defaults.helpDebounce()),
                duration(properties, HELP_LONG_PRESS, defaults.helpLongPress()),
                duration(properties, RETRY, defaults.retry()));
    }

    /** How the entry sensor is wired: its configured pin's, or the PIR default for a simulated one. */
    public boolean entryActiveLow() {
        return pins.entry().map(InputPin::activeLow).orElse(GpioPinMap.ENTRY_DEFAULT_ACTIVE_LOW);
    }

    /** How the help button is wired: its configured pin's, or a button to ground for a simulated one. */
    public boolean helpActiveLow() {
        return pins.help().map(InputPin::activeLow).orElse(GpioPinMap.HELP_DEFAULT_ACTIVE_LOW);
    }

    private static Duration duration(Map<String, String> properties, String key, Duration fallback) {
        String raw = properties.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new GpioConfigException(key, "'" + raw + "' is not a duration; write e.g. 50ms, 5s or 1m");
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new GpioConfigException(key, "'" + raw + "' is too long");
        }
    }

    private static void within(String key, Duration value, Duration least, Duration most) {
        if (value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new GpioConfigException(key, format(value) + " is outside " + format(least) + "–" + format(most));
        }
    }

    private static String format(Duration duration) {
        if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1000 == 0 && !duration.isZero()) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
