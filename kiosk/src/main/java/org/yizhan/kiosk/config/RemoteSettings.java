package org.yizhan.kiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.yizhan.provisioning.files.AtomicFiles;

/**
 * The settings the fleet changed with {@code config-set}, kept in {@code remote-settings.properties} in the
 * data directory so that they outlive a restart. They override the configuration file key by key; deleting
 * the file returns the kiosk to its file at the next start. Only the keys of {@code SafeConfigKey} ever get
 * here, since the command is refused for any other.
 *
 * <p>Writes replace the file atomically (a new file moved over the old), so a power cut leaves either the
 * old settings or the new, never half a file. Not thread-safe: the kiosk writes it from its kiosk thread.
 */
public final class RemoteSettings {

    public static final String FILE_NAME = "remote-settings.properties";

    private RemoteSettings() {
    }

    /** The settings in {@code file}; empty when it does not exist. */
    public static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new KioskConfigException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> settings.put(key, props.getProperty(key).trim()));
        return settings;
    }

    /** Adds or replaces one setting in {@code file}, durably. */
    public static void put(Path file, String key, String value) {
        Map<String, String> settings = new TreeMap<>(read(file));
        settings.put(key, value);
        Properties props = new Properties();
        props.putAll(settings);
        StringWriter text = new StringWriter();
        try {
            props.store(text, "Changed by the fleet with config-set; these override the configuration file."
                    + " Delete this file to go back to it.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeText(file, text.toString(), AtomicFiles.OWNER_ONLY);
    }
}
