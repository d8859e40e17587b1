package org.yizhan.provisioning.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the fleet directory's files are written: every file is written to a temporary sibling that is created with
 * its final permissions (so a secret is never readable by others, not even for a moment), forced to disk and
 * moved over the target atomically, so a reader (the broker reloading its password file) sees the old or the new
 * content, never a part. Directories are created owner-only. Failures are {@link UncheckedIOException}s naming the
 * file. On a file system without POSIX permissions the modes are skipped. Stateless and thread-safe.
 */
final class FleetFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private FleetFiles() {
    }

    /** Creates {@code dir} and its missing parents; {@code dir} itself gets mode 0700. */
    static void createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (supportsPosix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    static void writeText(Path file, String text, Set<PosixFilePermission> mode) {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode, true);
    }

    /** Like {@link #writeText}, but refuses to replace an existing file. */
    static void writeNewText(Path file, String text, Set<PosixFilePermission> mode) {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode, false);
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> mode, boolean replace) {
        Path absolute = file.toAbsolutePath();
        if (!replace && Files.exists(absolute)) {
            throw new UncheckedIOException("refusing to overwrite " + file, new FileAlreadyExistsException(file.toString()));
        }
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        FileAttribute<?>[] attributes = supportsPosix(absolute)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (supportsPosix(absolute)) {
                // the umask may have taken bits away from the creation mode
                Files.setPosixFilePermissions(temporary, mode);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the caller's own outcome says what happened; a stray temporary file is harmless
            }
        }
    }
}
