package org.yizhan.devices.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/** The fixture trees under {@code src/test/resources/system/} and probes reading them. */
final class Fixture {

    static final Path DATA_DIR = Path.of("/var/lib/yizhan");

    private Fixture() {
    }

    static Path tree(String name) {
        URL url = Fixture.class.getResource("/system/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture tree " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of a fixture tree under {@code target}, to change for one test. */
    static Path copy(String name, Path target) {
        Path source = tree(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void write(Path root, String path, String content) {
        try {
            Path file = root.resolve(path.substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path root, String path) {
        try {
            Files.delete(root.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinuxSystemProbe probe(Path root, CommandRunner commands, DataVolume volume, Clock clock) {
        return new LinuxSystemProbe(SystemProbeConfig.defaults(DATA_DIR), new SystemTree(root), commands, volume,
                clock);
    }
}
