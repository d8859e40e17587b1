package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real data volume on a real temporary directory. */
class FileStoreDataVolumeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dataDir;

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.toList();
        }
    }

    @Test
    void reads_size_and_usable_space_of_the_data_directory() throws IOException {
        DiskSpace space = new FileStoreDataVolume(dataDir).space();

        assertTrue(space.totalBytes() > 0, space.toString());
        assertTrue(space.usableBytes() <= space.totalBytes(), space.toString());
    }

    @Test
    void a_write_check_in_a_writable_directory_passes_and_leaves_nothing_behind() throws IOException {
        WriteCheck check = new FileStoreDataVolume(dataDir).writeCheck(NOW);

        assertEquals(WriteCheck.passed(NOW), check);
        assertEquals(List.of(), files());
    }

    @Test
    void overwrites_a_check_file_left_behind_by_a_power_cut() throws IOException {
        // Given a check file with old content longer than a nonce, as a power cut before the delete leaves it
        Files.writeString(dataDir.resolve(FileStoreDataVolume.CHECK_FILE), "stale ".repeat(100) + "\n");

        // When writing is checked
        WriteCheck check = new FileStoreDataVolume(dataDir).writeCheck(NOW);

        // Then the check passes on its own nonce and the file is gone
        assertTrue(check.passed(), check.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void a_write_check_where_nothing_can_be_written_fails_with_the_reason() {
        WriteCheck check = new FileStoreDataVolume(dataDir.resolve("not-there")).writeCheck(NOW);

        assertFalse(check.passed());
        assertTrue(check.failure().startsWith(NoSuchFileException.class.getSimpleName()), check.failure());
        assertTrue(check.failure().contains("not-there"), check.failure());
    }

    @Test
    void a_write_check_under_a_file_fails_rather_than_throws() throws IOException {
        Path file = Files.writeString(dataDir.resolve("plain-file"), "x");

        WriteCheck check = new FileStoreDataVolume(file).writeCheck(NOW);

        assertFalse(check.passed());
        assertEquals(NOW, check.checkedAt());
    }

    @Test
    void free_space_of_a_missing_directory_is_an_io_error() {
        FileStoreDataVolume volume = new FileStoreDataVolume(dataDir.resolve("not-there"));

        assertThrows(IOException.class, volume::space);
    }
}
