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
import org.yizhan.kiosk.flow.Language;
import org.yizhan.protocol.ShortDuration;
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
                DevicesConfigFile.parse(asMap(props), base, dataDir));
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
