package org.yizhan.devices.qr.camera;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a camera program's standard output: {@code rpicam-vid … --codec yuv420 -o -} for the Pi
 * camera, {@code ffmpeg -f v4l2 … -f rawvideo -pix_fmt gray -} for a USB webcam. The command is run
 * directly, without a shell.
 *
 * <p>The program's standard error is drained on a daemon thread (a full pipe would stall it) and its last
 * line kept: when the program exits, the stream ends with an {@link IOException} naming the exit status and
 * that line, which is what a maintainer needs ("no cameras available"). Closing the stream stops the
 * program and any children it started: politely, then forcibly after a second.
 */
public final class ProcessFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(ProcessFrameSource.class);
    private static final int MAX_REASON_LENGTH = 200;

    private final List<String> command;

    public ProcessFrameSource(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the camera command is empty");
        }
        this.command = List.copyOf(command);
    }

    @Override
    public InputStream open() throws IOException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        AtomicReference<String> lastError = new AtomicReference<>("");
        Thread drain = new Thread(() -> drainErrors(process, lastError), "camera-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        log.info("started camera: {} (pid {})", String.join(" ", command), process.pid());
        return new ProcessStream(process, lastError);
    }

    @Override
    public String describe() {
        return String.join(" ", command);
    }

    private static void drainErrors(Process process, AtomicReference<String> lastError) {
        try (BufferedReader errors = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = errors.readLine()) != null) {
                if (!line.isBlank()) {
                    String trimmed = line.strip();
                    lastError.set(trimmed.substring(0, Math.min(trimmed.length(), MAX_REASON_LENGTH)));
                    log.debug("camera: {}", trimmed);
                }
            }
        } catch (IOException e) {
            // The process was stopped and its pipe closed under us: nothing more to read.
        }
    }

    private final class ProcessStream extends FilterInputStream {

        private final Process process;
        private final AtomicReference<String> lastError;

        ProcessStream(Process process, AtomicReference<String> lastError) {
            super(process.getInputStream());
            this.process = process;
            this.lastError = lastError;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                throw ended();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                throw ended();
            }
            return n;
        }

        private IOException ended() {
            String program = command.get(0);
            try {
                // Standard output closes a moment before the exit status and the last error line are in.
                if (process.waitFor(1, TimeUnit.SECONDS)) {
                    Thread.sleep(50);
                    String reason = lastError.get();
                    return new IOException(program + " exited with status " + process.exitValue()
                            + (reason.isEmpty() ? "" : ": " + reason));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new IOException(program + " closed its output");
        }

        @Override
        public void close() throws IOException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                super.close();
            }
        }
    }
}
