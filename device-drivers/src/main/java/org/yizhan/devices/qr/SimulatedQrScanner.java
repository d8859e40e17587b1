package org.yizhan.devices.qr;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The twin of a real scanner, driven by tests and the headless kiosk: {@link #type} is a code read, and
 * goes through the same {@link ScanFilter} as a real scanner's, so repeats are dropped and unusable codes
 * refused with the same reasons. {@link #unplug} and {@link #plug} report {@code absent} and
 * {@code connected} on the status board, as a real scanner's reading thread would.
 *
 * <p>A code typed while unplugged, before {@link #start} or after {@link #close} is lost, as it would
 * be with a real scanner, and the log says so. {@link #start} reports {@code connected} (or
 * {@code absent} if unplugged before).
 *
 * <p>Threading: safe from any thread; the listener is called on the thread that calls {@link #type},
 * before it returns (a real scanner calls it on its own thread), one code at a time.
 */
public final class SimulatedQrScanner implements QrScanner {

    private static final Logger log = LoggerFactory.getLogger(SimulatedQrScanner.class);
    private static final String UNPLUGGED = "unplugged (simulated)";

    private final String name;
    private final DeviceStatusBoard board;
    private final ScanFilter filter;
    private QrScanListener listener;
    private boolean plugged = true;
    private boolean closed;

    public SimulatedQrScanner(SimulatedScannerConfig config, DeviceStatusBoard board) {
        this(config, board, Clock.systemUTC());
    }

    public SimulatedQrScanner(SimulatedScannerConfig config, DeviceStatusBoard board, Clock clock) {
        this.name = config.name();
        this.board = Objects.requireNonNull(board, "board");
        this.filter = new ScanFilter(clock, config.repeatWindow());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start(QrScanListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("scanner " + name + " is closed");
        }
        if (this.listener != null) {
            throw new IllegalStateException("scanner " + name + " is already started");
        }
        this.listener = listener;
        if (plugged) {
            board.connected(name);
        } else {
            board.absent(name, UNPLUGGED);
        }
    }

    /** The scanner reads {@code code}, as if a visitor held it up. */
    public synchronized void type(String code) {
        Objects.requireNonNull(code, "code");
        if (closed || listener == null) {
            log.warn("{} is {}: a code of {} characters is lost", name, closed ? "closed" : "not started",
                    code.length());
        } else if (!plugged) {
            log.warn("{} is unplugged: a code of {} characters is lost", name, code.length());
        } else {
            filter.deliver(code, listener);
        }
    }

    public synchronized void unplug() {
        plugged = false;
        board.absent(name, UNPLUGGED);
    }

    public synchronized void plug() {
        plugged = true;
        board.connected(name);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
