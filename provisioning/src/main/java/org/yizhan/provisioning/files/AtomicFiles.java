package org.yizhan.provisioning.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Yizhan writes the files that hold keys, passwords and configuration: every file is written to a temporary
 * sibling that is created with its final permissions (so a secret is never readable by others, not even for a
 * moment), forced to disk and moved over the target atomically, so a reader (the broker reloading its password
 * file, a kiosk starting) sees the old or the new content, never a part. Directories are created owner-only.
 * Failures are {@link UncheckedIOException}s naming the file. On a file system without POSIX permissions the modes
 * are skipped. Stateless and thread-safe.
 */
public final class AtomicFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Creates {@code dir} and its missing parents; {@code dir} itself gets mode 0700. */
    public static void createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (supportsPosix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    public static void writeText(Path file, String text, Set<PosixFilePermission> mode) {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode, true);
    }

    public static void writeBytes(Path file, byte[] content, Set<PosixFilePermission> mode) {
        write(file, content.clone(), mode, true);
    }

    /**
     * Like {@link #writeText}, but refuses to replace an existing file, even one another process creates at the
     * same moment.
     */
    public static void writeNewText(Path file, String text, Set<PosixFilePermission> mode) {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode, false);
    }

    public static String readText(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    /** The file's bytes; a missing file is an {@link UncheckedIOException} saying so. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static boolean supportsPosix(Path file) {
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
            if (!replace) {
                // A hard link fails if the name exists, in one step: of two processes creating the same key
                // at once, exactly one wins and the other is told.
                Files.createLink(absolute, temporary);
            } else {
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("refusing to overwrite " + file, e);
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
