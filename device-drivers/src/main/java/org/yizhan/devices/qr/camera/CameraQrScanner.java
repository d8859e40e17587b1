package org.yizhan.devices.qr.camera;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A QR scanner made of a camera and {@link QrFrameDecoder}: the Pi camera through {@code rpicam-vid}, a
 * USB webcam through {@code ffmpeg}, or a {@link SimulatedCamera}, whichever {@link FrameSource} it is given.
 *
 * <p>Two threads per scanner. A reader thread reads whole frames ({@link CameraScannerConfig#frameBytes})
 * from the source's stream and hands them over newest-first: when decoding is slower than the camera, the
 * frames in between are dropped, never queued, so a code shown now is decoded from a picture of now. The
 * scanner thread decodes each frame it takes, passes each code read through a {@link ScanFilter} (a code
 * held up is in every frame: one scan; a bad code held up, one refusal), and calls the listener. Listener
 * calls come on this thread, in the order the codes were seen; an exception from the listener is logged and
 * does not stop scanning.
 *
 * <p>Status on the {@link DeviceStatusBoard}: connected when the first frame of a camera start arrives;
 * absent, with the reason (the program's exit status and last error line, "camera unplugged", "no frame
 * from the camera for 3000 ms") when the camera cannot be started, its stream ends, or no frame comes within the stall
 * timeout. An absent camera is stopped and started again after the restart delay, doubled on each failure
 * up to its maximum and reset once frames flow. The scanner never ends by itself; {@link #close} stops
 * both threads and the camera, from any thread, any number of times.
 */
public final class CameraQrScanner implements QrScanner {

    private static final Logger log = LoggerFactory.getLogger(CameraQrScanner.class);

    /**
     * Counts since start, for the maintenance screen and for tests.
     *
     * @param framesRead    whole frames read from the camera
     * @param framesDecoded frames the decoder worked on
     * @param framesDropped frames replaced by a newer one before the decoder got to them
     * @param codesRead     frames in which a code was read, repeats of a code held up included
     */
    public record Stats(long framesRead, long framesDecoded, long framesDropped, long codesRead) {
    }

    private final CameraScannerConfig config;
    private final FrameSource source;
    private final DeviceStatusBoard board;
    private final ScanFilter filter;
    private final Clock clock;
    private final QrFrameDecoder decoder;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong framesRead = new AtomicLong();
    private final AtomicLong framesDecoded = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong codesRead = new AtomicLong();
    private final Object lock = new Object();
    private Thread scannerThread;
    private InputStream openStream;
    private NewestFrame openFrames;
    private String lastRefused;
    private Instant lastRefusedAt = Instant.MIN;

    public CameraQrScanner(CameraScannerConfig config, FrameSource source, DeviceStatusBoard board, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.source = Objects.requireNonNull(source, "source");
        this.board = Objects.requireNonNull(board, "board");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.filter = new ScanFilter(clock, config.repeatWindow());
        this.decoder = new QrFrameDecoder(config.decodeBudget());
    }

    /** The scanner on the real camera: {@code config.command()} run as a process. */
    public static CameraQrScanner real(CameraScannerConfig config, DeviceStatusBoard board, Clock clock) {
        return new CameraQrScanner(config, new ProcessFrameSource(config.command()), board, clock);
    }

    /** The scanner on a simulated camera; drive it through {@code camera}. */
    public static CameraQrScanner simulated(CameraScannerConfig config, SimulatedCamera camera, DeviceStatusBoard board,
            Clock clock) {
        return new CameraQrScanner(config, camera, board, clock);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void start(QrScanListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            if (scannerThread != null) {
                throw new IllegalStateException(config.name() + " is already started");
            }
            if (closing.getCount() == 0) {
                throw new IllegalStateException(config.name() + " is closed");
            }
            scannerThread = new Thread(() -> run(listener), "camera-scanner-" + config.name());
            scannerThread.setDaemon(true);
            scannerThread.start();
        }
    }

    public Stats stats() {
        synchronized (lock) {
            long read = framesRead.get() + (openFrames == null ? 0 : openFrames.published());
            long dropped = framesDropped.get() + (openFrames == null ? 0 : openFrames.dropped());
            return new Stats(read, framesDecoded.get(), dropped, codesRead.get());
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (lock) {
            closing.countDown();
            thread = scannerThread;
            if (openFrames != null) {
                openFrames.end("scanner closed");
            }
        }
        closeQuietly(currentStream());
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void run(QrScanListener listener) {
        long delay = config.restartDelay().toMillis();
        while (!closed()) {
            SessionEnd end = session(listener);
            if (closed()) {
                break;
            }
            board.absent(config.name(), end.reason());
            if (end.framesFlowed()) {
                // The camera was there a moment ago: come back quickly, and back off again only if it stays away.
                delay = config.restartDelay().toMillis();
            }
            try {
                if (closing.await(delay, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            delay = Math.min(delay * 2, config.maxRestartDelay().toMillis());
        }
        log.info("{} stopped", config.name());
    }

    private record SessionEnd(String reason, boolean framesFlowed) {
    }

    /** One start of the camera, until its stream ends or stalls. */
    private SessionEnd session(QrScanListener listener) {
        InputStream stream;
        try {
            stream = source.open();
        } catch (IOException e) {
            return new SessionEnd("cannot start the camera: " + e.getMessage(), false);
        } catch (RuntimeException e) {
            log.warn("{}: cannot start {}", config.name(), source.describe(), e);
            return new SessionEnd("cannot start the camera: " + e, false);
        }
        NewestFrame frames = new NewestFrame(config.frameBytes());
        synchronized (lock) {
            openStream = stream;
            openFrames = frames;
            if (closed()) {
                frames.end("scanner closed");
            }
        }
        Thread reader = new Thread(() -> readFrames(stream, frames), "camera-reader-" + config.name());
        reader.setDaemon(true);
        reader.start();
        boolean flowing = false;
        String reason;
        try {
            while (true) {
                byte[] frame = frames.take(config.stallTimeout().toMillis());
                if (frame == null) {
                    String ended = frames.endReason();
                    reason = ended != null ? ended
                            : "no frame from the camera for " + config.stallTimeout().toMillis() + " ms";
                    break;
                }
                if (!flowing) {
                    flowing = true;
                    board.connected(config.name());
                }
                decode(frame, listener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        } finally {
            synchronized (lock) {
                openStream = null;
                openFrames = null;
                framesRead.addAndGet(frames.published());
                framesDropped.addAndGet(frames.dropped());
            }
            closeQuietly(stream);
        }
        return new SessionEnd(reason, flowing);
    }

    private void readFrames(InputStream stream, NewestFrame frames) {
        byte[] buffer = frames.firstBuffer();
        try {
            while (true) {
                int n = stream.readNBytes(buffer, 0, buffer.length);
                if (n < buffer.length) {
                    frames.end("the camera stream ended" + (n > 0 ? " in the middle of a frame" : ""));
                    return;
                }
                buffer = frames.publish(buffer);
            }
        } catch (IOException e) {
            frames.end(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{}: reading frames failed", config.name(), e);
            frames.end(e.toString());
        }
    }

    private void decode(byte[] frame, QrScanListener listener) {
        framesDecoded.incrementAndGet();
        Optional<QrFrameDecoder.Decoded> decoded;
        try {
            decoded = decoder.decode(frame, config.width(), config.height());
        } catch (RuntimeException e) {
            // A decoder bug must not silence the scanner: the next frame gets its chance.
            log.warn("{}: decoding a frame failed", config.name(), e);
            return;
        }
        if (decoded.isEmpty()) {
            return;
        }
        codesRead.incrementAndGet();
        String text = decoded.get().text();
        try {
            ScanFilter.Verdict verdict = filter.check(text);
            if (verdict instanceof ScanFilter.Verdict.Accepted accepted) {
                listener.scanned(accepted.code());
            } else if (verdict instanceof ScanFilter.Verdict.Refused refused && !refusedJustNow(text)) {
                listener.refused(refused.reason());
            }
        } catch (RuntimeException e) {
            log.warn("{}: the scan listener failed", config.name(), e);
        }
    }

    /**
     * Whether {@code text} was refused within the repeat window. The filter passes a refusal on every
     * time, which suits a scanner that reads a code once; a camera sees a bad code held up in every frame,
     * and one refusal is enough.
     */
    private boolean refusedJustNow(String text) {
        Instant now = clock.instant();
        boolean repeat = text.equals(lastRefused) && now.isBefore(lastRefusedAt.plus(config.repeatWindow()));
        lastRefused = text;
        lastRefusedAt = now;
        return repeat;
    }

    private InputStream currentStream() {
        synchronized (lock) {
            return openStream;
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            log.debug("closing the camera stream failed", e);
        }
    }
}
