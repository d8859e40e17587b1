package org.yizhan.kiosk.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the kiosk runs on, for its {@code birth}: the distribution, the kernel, the CPU architecture, and on a
 * Raspberry Pi its model and serial number. Read once from files under a root directory (the real {@code /},
 * or a fixture tree in tests); what cannot be read is null, never guessed.
 *
 * @param os       {@code PRETTY_NAME} of {@code etc/os-release}, else the JVM's {@code os.name}
 * @param kernel   the JVM's {@code os.version}
 * @param arch     the JVM's {@code os.arch}
 * @param piModel  {@code proc/device-tree/model}, e.g. {@code Raspberry Pi 5 Model B Rev 1.0}; null elsewhere
 * @param piSerial {@code proc/device-tree/serial-number}, else the {@code Serial} line of {@code proc/cpuinfo};
 *                 null elsewhere
 */
public record Platform(String os, String kernel, String arch, String piModel, String piSerial) {

    /** The machine this JVM runs on. */
    public static Platform current() {
        return read(Path.of("/"));
    }

    static Platform read(Path root) {
        String os = text(root.resolve("etc/os-release"))
                .flatMap(Platform::prettyName)
                .orElse(System.getProperty("os.name", "unknown"));
        String model = text(root.resolve("proc/device-tree/model")).map(Platform::trimNul)
                .filter(m -> m.toLowerCase(Locale.ROOT).contains("raspberry pi")).orElse(null);
        String serial = model == null ? null : text(root.resolve("proc/device-tree/serial-number"))
                .map(Platform::trimNul)
                .or(() -> text(root.resolve("proc/cpuinfo")).flatMap(Platform::cpuinfoSerial))
                .orElse(null);
        return new Platform(os, System.getProperty("os.version"), System.getProperty("os.arch", "unknown"), model,
                serial);
    }

    private static Optional<String> prettyName(String osRelease) {
        for (String line : osRelease.split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                String value = line.substring("PRETTY_NAME=".length()).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cpuinfoSerial(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("Serial")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String serial = line.substring(colon + 1).strip();
                    return serial.isEmpty() ? Optional.empty() : Optional.of(serial);
                }
            }
        }
        return Optional.empty();
    }

    /** Device-tree strings end with a NUL byte. */
    private static String trimNul(String text) {
        int nul = text.indexOf('\0');
        return (nul < 0 ? text : text.substring(0, nul)).strip();
    }

    private static Optional<String> text(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Absent on anything but Linux, or on a Linux that is not a Pi: the field is then unknown.
            return Optional.empty();
        }
    }
}
