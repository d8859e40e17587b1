package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFrameSourceTest {

    @TempDir
    Path dir;

    @Test
    void streams_what_the_program_writes() throws Exception {
        Files.write(dir.resolve("frames"), new byte[] {1, 2, 3, 4, 5, 6});
        ProcessFrameSource source = new ProcessFrameSource(List.of("cat", dir.resolve("frames").toString()));

        try (InputStream stream = source.open()) {
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, stream.readNBytes(6));
        }
    }

    @Test
    void the_end_of_the_stream_says_how_the_program_exited_and_its_last_error_line() throws Exception {
        // given a camera program that finds no camera
        ProcessFrameSource source = new ProcessFrameSource(List.of("sh", "-c",
                "echo 'Preview window unavailable' >&2; echo 'ERROR: *** no cameras available ***' >&2; exit 255"));

        // when its stream is read
        try (InputStream stream = source.open()) {
            IOException ended = assertThrows(IOException.class, () -> stream.readNBytes(10));

            // then the reason is the exit status and the last thing it said
            assertEquals("sh exited with status 255: ERROR: *** no cameras available ***", ended.getMessage());
        }
    }

    @Test
    void a_missing_program_fails_to_open() {
        ProcessFrameSource source = new ProcessFrameSource(List.of("/nonexistent/rpicam-vid", "-o", "-"));

        IOException e = assertThrows(IOException.class, source::open);

        assertTrue(e.getMessage().contains("/nonexistent/rpicam-vid"), e.getMessage());
    }

    @Test
    void closing_the_stream_stops_the_program_and_its_children() throws Exception {
        // given a program that streams forever through a child process
        Path pidFile = dir.resolve("child.pid");
        ProcessFrameSource source = new ProcessFrameSource(List.of("sh", "-c",
                "yes > /dev/null & echo $! > '" + pidFile + "'; while true; do printf x; sleep 0.05; done"));
        InputStream stream = source.open();
        stream.readNBytes(1);
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertTrue(child.isPresent() && child.get().isAlive(), "the child never ran");

        // when the stream is closed
        stream.close();

        // then the child is gone too
        child.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(child.get().isAlive());
    }

    @Test
    void an_empty_command_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessFrameSource(List.of()));
    }
}
