package org.yizhan.devices.qr;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The reading thread shared by scanners that deliver bytes (keyboard-wedge via evdev, serial): opens the
 * device, decodes what it sends, and when it vanishes, reports it and opens it again. Scanner
 * implementations build on it; the kiosk uses the scanners, not this class.
 *
 * <p>Lifecycle of one connection: {@link Opener#open} succeeds → the device is reported
 * {@code connected}; reads go through a fresh {@link ScanDecoder}, codes through the {@link ScanFilter},
 * to the listener; a read that fails or ends closes the source, turns a half-read code into a refusal,
 * and reports the device {@code absent} with the reason. An open that fails reports {@code absent}
 * (not found, or any other error) or {@code degraded} (permission denied: the device is there but the
 * kiosk may not read it) and is retried every {@code reconnectInterval}, for ever, until {@link #close}.
 * A {@link ScanRead.DeviceFault} reports the device {@code degraded} until the next connection.
 *
 * <p>Threading: one daemon thread, named {@code qr-scanner-<name>}, does all opening, reading and
 * listener calls, in the order the device sent its codes. A listener that throws is logged and the
 * loop goes on. {@link #close} may be called from any thread, more than once; it interrupts the thread
 * and waits for it, so a {@link Source} must return from {@code read} when its thread is interrupted or
 * within a short timeout of its own. No listener call begins after {@code close} returns, unless the
 * thread failed to stop within two seconds (which is logged).
 */
public final class ScannerReadLoop implements AutoCloseable {

    /** One open connection to a device's bytes. */
    public interface Source {

        /**
         * Reads into {@code buffer}: returns the count read, 0 when nothing came within the source's own
         * timeout, -1 when the device ended; throws when it failed or vanished.
         */
        int read(byte[] buffer) throws IOException;

        /** Releases the device; never throws. */
        void close();
    }

    /** Opens the device; throws {@link NoSuchFileException} while it is not there. */
    @FunctionalInterface
    public interface Opener {
        Source open() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ScannerReadLoop.class);

    /**
     * A multiple of both input_event sizes (16 and 24 bytes): evdev refuses reads smaller than one
     * record, and returns only whole records.
     */
    private static final int BUFFER_BYTES = 64 * 24;
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String name;
    private final DeviceStatusBoard board;
    private final ScanFilter filter;
    private final Duration reconnectInterval;
    private final Opener opener;
    private final Supplier<? extends ScanDecoder> decoders;

    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean closed;
    private QrScanListener listener;

    public ScannerReadLoop(String name, DeviceStatusBoard board, ScanFilter filter, Duration reconnectInterval,
            Opener opener, Supplier<? extends ScanDecoder> decoders) {
        this.name = Objects.requireNonNull(name, "name");
        this.board = Objects.requireNonNull(board, "board");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.reconnectInterval = Objects.requireNonNull(reconnectInterval, "reconnectInterval");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    /** Starts the reading thread; a loop starts once and never after {@link #close}. */
    public void start(QrScanListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("scanner " + name + " is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("scanner " + name + " is already started");
            }
            this.listener = listener;
            thread = new Thread(this::run, "qr-scanner-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = thread;
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        running.interrupt();
        try {
            running.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            log.warn("{}: reading thread did not stop within {}", name, STOP_WAIT);
        }
    }

    private void run() {
        while (!closed) {
            Source source;
            try {
                source = opener.open();
            } catch (AccessDeniedException e) {
                board.degraded(name, "permission denied: " + e.getFile()
                        + " (is the udev rule installed? see docs/devices.md)");
                pause();
                continue;
            } catch (NoSuchFileException e) {
                board.absent(name, "not found: " + e.getFile());
                pause();
                continue;
            } catch (IOException | RuntimeException e) {
                board.absent(name, "cannot open: " + describe(e));
                pause();
                continue;
            }
            String ended = readUntilGone(source);
            if (closed) {
                break;
            }
            board.absent(name, ended);
            pause();
        }
    }

    /** Reads one connection until it fails, ends or the loop is closed; returns why it ended. */
    private String readUntilGone(Source source) {
        ScanDecoder decoder = decoders.get();
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            if (closed) {
                return "closed";
            }
            board.connected(name);
            while (!closed) {
                int count = source.read(buffer);
                if (count < 0) {
                    return "device ended its input";
                }
                if (count > 0) {
                    decoder.decode(buffer, count, this::deliver);
                }
            }
            return "closed";
        } catch (IOException | RuntimeException e) {
            return closed ? "closed" : "read failed: " + describe(e);
        } finally {
            source.close();
            decoder.end().ifPresent(this::deliver);
        }
    }

    private void deliver(ScanRead read) {
        if (closed) {
            return;
        }
        try {
            if (read instanceof ScanRead.Code code) {
                filter.deliver(code.text(), listener);
            } else if (read instanceof ScanRead.Unreadable unreadable) {
                log.info("{} refused a read: {}", name, unreadable.reason());
                listener.refused(unreadable.reason());
            } else if (read instanceof ScanRead.DeviceFault fault) {
                board.degraded(name, fault.reason());
                listener.refused(fault.reason());
            }
        } catch (RuntimeException e) {
            log.error("{}: the scan listener failed; reading goes on", name, e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectInterval.toMillis());
        } catch (InterruptedException e) {
            // Only close() interrupts this thread; the loop condition ends it.
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
