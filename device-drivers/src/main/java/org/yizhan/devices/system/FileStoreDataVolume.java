package org.yizhan.devices.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The data directory's file system through {@link FileStore} and a real file.
 *
 * <p>The write–read check always uses the same file name, {@value #CHECK_FILE}, so a check cut short by a
 * power cut leaves one small file that the next check overwrites, never a growing litter. Each check
 * writes a fresh nonce, so stale content from such a file cannot pass for a successful write. Checks
 * run one at a time.
 */
public final class FileStoreDataVolume implements DataVolume {

    static final String CHECK_FILE = ".yizhan-write-check";

    private final Path dataDir;

    public FileStoreDataVolume(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public DiskSpace space() throws IOException {
        FileStore store = Files.getFileStore(dataDir);
        return new DiskSpace(store.getTotalSpace(), store.getUsableSpace());
    }

    @Override
    public synchronized WriteCheck writeCheck(Instant now) {
        Path file = dataDir.resolve(CHECK_FILE);
        byte[] nonce = ("yizhan write check " + Long.toHexString(ThreadLocalRandom.current().nextLong()) + " "
                + now + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(nonce);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // Without the sync, a file system that fails only at writeback (a dying card, a full
                // journal) would still pass: the page cache accepts anything.
                channel.force(true);
            }
            byte[] back = Files.readAllBytes(file);
            if (!Arrays.equals(back, nonce)) {
                return WriteCheck.failed("read back " + back.length + " bytes that differ from the "
                        + nonce.length + " written to " + file, now);
            }
            Files.delete(file);
            return WriteCheck.passed(now);
        } catch (IOException e) {
            return WriteCheck.failed(describe(e), now);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Already reported by the check itself; a read-only file system cannot delete either.
            }
        }
    }

    private static String describe(IOException e) {
        // FileSystemException messages read "path: reason", e.g. "…/.yizhan-write-check: Read-only file system".
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
