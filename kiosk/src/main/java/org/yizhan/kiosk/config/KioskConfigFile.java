package org.yizhan.kiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yizhan.kiosk.checkin.CheckInPolicy;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.devices.DevicesConfigFile;
import org.yizhan.kiosk.flow.FlowTimings;
import org.yizhan.kiosk.flow.HealthTimings;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.TelemetryConfig;
import org.yizhan.kiosk.telemetry.outbox.OutboxLimits;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.command.SafeConfigKey;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.homeassistant.HomeAssistantDiscovery;
import org.yizhan.provisioning.demo.DemoSite;

/**
 * Reads a kiosk configuration file ({@code key = value} lines, UTF-8, {@code #} comments) into a
 * {@link KioskConfig}. Every key has a default, so no file at all gives the demo site. Unknown keys and
 * bad values are refused with a {@link KioskConfigException} that names the key, so a typo never goes
 * unnoticed. Relative paths are resolved against the file's directory.
 */
public final class KioskConfigFile {

    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("site.id", "the centre this kiosk belongs to");
        KEYS.put("site.name", "the centre's name on the home screen");
        KEYS.put("kiosk.id", "this kiosk's id within the site");
        KEYS.put("passes.trusted-keys", "comma-separated JWKS files of trusted pass-signing keys");
        KEYS.put("passes.revocation-list", "file of revoked pass subjects");
        KEYS.put("passes.clock-skew", "allowed clock difference to the pass issuer");
        KEYS.put("checkin.duplicate-window", "the same visitor again within this time counts once");
        KEYS.put("checkin.default-purpose", "purpose recorded when the visitor chooses none");
        KEYS.put("checkin.result-timeout", "how long a result screen stays");
        KEYS.put("checkin.walk-in-timeout", "how long the walk-in purpose choice waits");
        KEYS.put("checkin.thanks-timeout", "how long the thank-you screen stays");
        KEYS.put("ui.language", "zh or en");
        KEYS.put("ui.large-text", "true for the large-text theme");
        KEYS.put("ui.maintenance-timeout", "how long the maintenance screen stays untouched");
        KEYS.put("time.zone", "time zone for daily counts, e.g. Asia/Shanghai");
        KEYS.put("telemetry.health-interval", "how often health is published, 10s to 10m");
        KEYS.put("telemetry.footfall-bucket", "footfall bucket length, a divisor of 60m");
        KEYS.put("telemetry.command-keys", "comma-separated JWKS files of fleet keys whose commands are obeyed");
        KEYS.put("telemetry.home-assistant", "true to announce the kiosk to Home Assistant (MQTT discovery)");
        KEYS.put("telemetry.home-assistant-prefix", "Home Assistant's discovery prefix");
        KEYS.put("telemetry.outbox-max-rows", "messages the outbox holds while the broker is away");
        KEYS.put("telemetry.outbox-max-mb", "MiB of messages the outbox holds while the broker is away");
        KEYS.put("health.retention", "how long a resident's kept readings stay, e.g. 180d");
        KEYS.put("health.duty-phone", "the centre's duty phone on the crisis screen");
        KEYS.put("health.measure-timeout", "how long the guidance waits for a reading");
        KEYS.put("health.result-timeout", "how long a health result stays on screen");
        MqttConfig.KEYS.forEach(key -> KEYS.put(key, "the broker (docs/mqtt.md)"));
    }

    private KioskConfigFile() {
    }

    /** The configuration from {@code file}, or the defaults for {@code dataDir} when file is null. */
    public static KioskConfig load(Path file, Path dataDir) {
        Properties props = new Properties();
        Path base = dataDir;
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new KioskConfigException("cannot read config file " + file + ": " + e.getMessage());
            }
            base = file.toAbsolutePath().getParent();
        }
        // What the fleet changed with config-set wins over the file; only safe keys are ever taken from it.
        RemoteSettings.read(dataDir.resolve(RemoteSettings.FILE_NAME)).forEach((key, value) -> {
            if (SafeConfigKey.of(key).isPresent()) {
                props.setProperty(key, value);
            }
        });
        return parse(props, base, dataDir);
    }

    static KioskConfig parse(Properties props, Path base, Path dataDir) {
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(KEYS.keySet());
        unknown.removeIf(key -> DevicesConfigFile.PREFIXES.stream().anyMatch(key::startsWith));
        if (!unknown.isEmpty()) {
            throw new KioskConfigException("unknown config key " + unknown.iterator().next()
                    + "; known keys are " + String.join(", ", KEYS.keySet()) + ", and the device keys "
                + String.join("*, ", DevicesConfigFile.PREFIXES) + "* (docs/devices.md)");
        }
        Values v = new Values(props, base);
        // Without keys of its own the kiosk trusts the demo site, whose key is made on first use.
        List<Path> trusted = v.has("passes.trusted-keys")
                ? v.get("passes.trusted-keys", v::paths)
                : List.of(DemoSite.ensure(dataDir).trustedKeysFile());
        return new KioskConfig(
                v.get("site.id", KioskConfigFile::identifier, "demo"),
                v.get("site.name", s -> s, "驿站示范点 Yizhan demo"),
                v.get("kiosk.id", KioskConfigFile::identifier, "kiosk-1"),
                dataDir,
                trusted,
                v.get("passes.revocation-list", v::path, dataDir.resolve("revoked-passes.txt")),
                v.get("passes.clock-skew", ShortDuration::parse, Duration.ofMinutes(2)),
                new CheckInPolicy(
                        v.get("checkin.duplicate-window", ShortDuration::parse, Duration.ofMinutes(10)),
                        v.get("checkin.default-purpose", KioskConfigFile::purpose, Purpose.REST)),
                new FlowTimings(
                        v.get("checkin.result-timeout", ShortDuration::parse, Duration.ofSeconds(8)),
                        v.get("checkin.walk-in-timeout", ShortDuration::parse, Duration.ofSeconds(30)),
                        v.get("checkin.thanks-timeout", ShortDuration::parse, Duration.ofSeconds(3)),
                        v.get("ui.maintenance-timeout", ShortDuration::parse, Duration.ofSeconds(60))),
                v.get("ui.language", KioskConfigFile::language, Language.ZH),
                v.get("ui.large-text", KioskConfigFile::bool, false),
                v.get("time.zone", ZoneId::of, ZoneId.systemDefault()),
                DevicesConfigFile.parse(withoutHealthCheckKeys(asMap(props)), base, dataDir),
                telemetry(v, asMap(props), base, dataDir),
                new HealthCheckConfig(
                        v.get("health.retention", ShortDuration::parse, HealthCheckConfig.DEFAULT_RETENTION),
                        v.get("health.duty-phone", KioskConfigFile::phone, null),
                        new HealthTimings(
                                v.get("health.measure-timeout", ShortDuration::parse, HealthTimings.DEFAULT.measure()),
                                v.get("health.result-timeout", ShortDuration::parse, HealthTimings.DEFAULT.result()))));
    }

    /** The health check's own {@code health.*} keys, which are not device keys. */
    private static Map<String, String> withoutHealthCheckKeys(Map<String, String> all) {
        Map<String, String> devices = new LinkedHashMap<>(all);
        devices.keySet().removeAll(List.of("health.retention", "health.duty-phone", "health.measure-timeout",
                "health.result-timeout"));
        return devices;
    }

    private static String phone(String text) {
        if (!text.matches("[0-9+][0-9 -]{2,30}")) {
            throw new IllegalArgumentException("'" + text + "' is not a phone number, like 021-5888 1234");
        }
        return text;
    }

    private static TelemetryConfig telemetry(Values v, Map<String, String> all, Path base, Path dataDir) {
        MqttConfig mqtt;
        try {
            mqtt = MqttConfig.parse(all, base).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException("config key " + e.getMessage());
        }
        // Without keys of its own the kiosk obeys the demo site's command key, like its passes.
        List<Path> commandKeys = v.has("telemetry.command-keys")
                ? v.get("telemetry.command-keys", v::paths)
                : List.of(DemoSite.ensure(dataDir).trustedCommandKeysFile());
        OutboxLimits limits = OutboxLimits.of(
                v.get("telemetry.outbox-max-rows", text -> positive(text, 100_000_000), OutboxLimits.DEFAULT.maxRows()),
                v.get("telemetry.outbox-max-mb", text -> positive(text, 1024 * 1024), OutboxLimits.DEFAULT.maxBytes() >> 20)
                        << 20);
        boolean homeAssistant = v.get("telemetry.home-assistant", KioskConfigFile::bool, false);
        String prefix = v.get("telemetry.home-assistant-prefix", KioskConfigFile::topicPrefix,
                HomeAssistantDiscovery.DEFAULT_PREFIX);
        return new TelemetryConfig(mqtt,
                v.get("telemetry.health-interval", KioskConfigFile::healthInterval,
                        TelemetryConfig.DEFAULT_HEALTH_INTERVAL),
                v.get("telemetry.footfall-bucket", KioskConfigFile::bucketMinutes, Footfall.DEFAULT_BUCKET_MINUTES),
                commandKeys,
                homeAssistant ? prefix : null,
                limits);
    }

    private static Duration healthInterval(String text) {
        Duration interval = ShortDuration.parse(text);
        if (interval.compareTo(TelemetryConfig.MIN_HEALTH_INTERVAL) < 0
                || interval.compareTo(TelemetryConfig.MAX_HEALTH_INTERVAL) > 0) {
            throw new IllegalArgumentException("'" + text + "' is not between 10s and 10m");
        }
        return interval;
    }

    private static int bucketMinutes(String text) {
        Duration length = ShortDuration.parse(text);
        long minutes = length.toMinutes();
        if (!length.equals(Duration.ofMinutes(minutes)) || minutes < 1 || 60 % minutes != 0) {
            throw new IllegalArgumentException("'" + text + "' does not divide the hour; use 1m, 2m, 3m, 4m, 5m,"
                    + " 6m, 10m, 12m, 15m, 20m, 30m or 60m");
        }
        return (int) minutes;
    }

    private static long positive(String text, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("'" + text + "' is not between 1 and " + max);
        }
        return value;
    }

    private static String topicPrefix(String text) {
        if (text.isEmpty() || text.contains("+") || text.contains("#") || text.startsWith("/") || text.endsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' is not a topic prefix, like homeassistant");
        }
        return text;
    }

    private static Map<String, String> asMap(Properties props) {
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(key -> map.put(key, props.getProperty(key)));
        return map;
    }

    private static String identifier(String text) {
        if (!text.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("'" + text + "' is not an id: use up to 32 of a-z, 0-9 and -");
        }
        return text;
    }

    private static Purpose purpose(String text) {
        return Purpose.fromCode(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a purpose; purposes are " + Arrays.stream(Purpose.values())
                        .map(Purpose::code).collect(Collectors.joining(", "))));
    }

    private static Language language(String text) {
        return Language.fromCode(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a language; use zh or en"));
    }

    private static boolean bool(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    }

    /** Raw values with the key named in every error. */
    private record Values(Properties props, Path base) {

        boolean has(String key) {
            return props.getProperty(key) != null;
        }

        <T> T get(String key, Function<String, T> parser, T fallback) {
            return has(key) ? get(key, parser) : fallback;
        }

        <T> T get(String key, Function<String, T> parser) {
            String raw = props.getProperty(key).trim();
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new KioskConfigException("config key " + key + ": " + e.getMessage());
            }
        }

        Path path(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
            return base.resolve(text).normalize();
        }

        List<Path> paths(String text) {
            List<Path> paths = new ArrayList<>();
            for (String part : text.split(",")) {
                paths.add(path(part.trim()));
            }
            return paths;
        }
    }
}
