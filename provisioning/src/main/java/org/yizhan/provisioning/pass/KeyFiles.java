package org.yizhan.provisioning.pass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reading and the two ways of writing key files: a secret is created once, owner-only, never replaced; a
 * trust file is replaced atomically. What a file must contain is {@link org.yizhan.protocol.jose}'s to
 * check. A missing or unreadable file, or one that cannot be written, is an {@link UncheckedIOException}
 * naming it. Stateless and thread-safe.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code json} as the UTF-8 content of a text file, which ends with a newline. */
    static byte[] text(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Creates {@code file} with owner-only permissions and writes {@code content}. The permissions are
     * part of the creation call, so the secret is never readable by others, not even for a moment; an
     * existing file is never replaced.
     */
    static void writeNewSecret(Path file, byte[] content) {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] ownerOnly = supportsPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        boolean created = false;
        try (FileChannel channel = FileChannel.open(file, options, ownerOnly)) {
            created = true;
            writeFully(channel, content);
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("refusing to overwrite " + file, e);
        } catch (IOException e) {
            if (created) {
                deleteQuietly(file);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} atomically, so that a reader sees the old or the new content, never a part. */
    static void writeReplacing(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more can be done; the caller's own exception says what went wrong
        }
    }
}
