package org.yizhan.devices.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The machine's {@code /proc}, {@code /sys} and {@code /dev}, read below a root directory: {@code /} in
 * production, a fixture tree in tests. Paths are given as the kernel names them ({@code /proc/loadavg}).
 * Reads are not cached: every call sees the file as it is now. Safe from any thread.
 */
public final class SystemTree {

    private final Path root;

    public SystemTree(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** This machine's own files. */
    public static SystemTree live() {
        return new SystemTree(Path.of("/"));
    }

    /**
     * The file's text, decoded as UTF-8 with bad bytes replaced; empty when there is no such file.
     *
     * @throws IOException when the file exists but cannot be read (permissions, an I/O error from sysfs)
     */
    public Optional<String> read(String path) throws IOException {
        try {
            return Optional.of(new String(Files.readAllBytes(resolve(path)), StandardCharsets.UTF_8));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
    }

    /** The names in a directory, sorted; empty when there is no such directory. */
    public List<String> list(String directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolve(directory))) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        Collections.sort(names);
        return names;
    }

    /** The target of a symbolic link, as written in the link; empty when it is not a link. */
    public Optional<String> linkTarget(String path) {
        try {
            return Optional.of(Files.readSymbolicLink(resolve(path)).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    /**
     * {@code path} with symbolic links resolved inside the tree, so a data directory reached through a
     * link is matched against the mount it really lives on; unchanged when it does not exist in the tree.
     */
    public String realPath(String path) {
        try {
            Path realRoot = root.toRealPath();
            Path real = resolve(path).toRealPath();
            if (real.startsWith(realRoot)) {
                return "/" + realRoot.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
            }
        } catch (IOException e) {
            // Not in the tree (a fixture without the directory): take the path as configured.
        }
        return Path.of(path).normalize().toString();
    }

    private Path resolve(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        return root.resolve(path.substring(1));
    }
}
