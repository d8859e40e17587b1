package org.yizhan.devices.health;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.health.ParseResult.RejectionKind;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The part every {@link HealthDevice} shares, whatever its transport: decodes each characteristic value,
 * hands the result to the listener, and keeps the device's line on the status board.
 *
 * <p>Status: the transport reports what it knows of its link ({@link #linkConnected}, {@link #linkDegraded},
 * {@link #linkAbsent}); the frames refine a connected link. A {@link RejectionKind#MALFORMED malformed}
 * frame, or garbage the transport reports with {@link #garbage}, makes the device degraded until the next
 * frame that decodes; an implausible or valueless reading does not, because the device worked and the
 * measurement did not. Nothing is reported before the transport's first link report. Repeated reports are
 * harmless: the board publishes changes only.
 *
 * <p>Threading: safe from any thread. Listener calls are serialised, so they never overlap even when two
 * threads relay at once, and a listener that throws is logged and does not stop the relay. Frames relayed
 * before {@link #start} or after {@link #stop} are decoded, logged and dropped.
 */
public final class MeasurementRelay {

    private static final Logger log = LoggerFactory.getLogger(MeasurementRelay.class);

    private final String device;
    private final DeviceStatusBoard board;
    private final Object delivery = new Object();

    private MeasurementListener listener;
    private boolean stopped;
    private DeviceState link;
    private String linkReason;
    private String frameFault;

    public MeasurementRelay(String device, DeviceStatusBoard board) {
        this.device = Objects.requireNonNull(device, "device");
        this.board = Objects.requireNonNull(board, "board");
    }

    public String device() {
        return device;
    }

    /** Starts delivery to {@code listener}; a relay is started once. */
    public synchronized void start(MeasurementListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (this.listener != null || stopped) {
            throw new IllegalStateException(device + " was already started");
        }
        this.listener = listener;
    }

    /** Ends delivery for good; later frames are dropped. */
    public synchronized void stop() {
        stopped = true;
        listener = null;
    }

    /**
     * Decodes {@code raw} as a value of {@code characteristic} and delivers the result on the calling thread.
     * Returns the result, also when nobody was listening.
     */
    public DecodedFrame relay(Characteristic characteristic, byte[] raw) {
        DecodedFrame decoded = characteristic.decode(raw);
        MeasurementListener target;
        synchronized (this) {
            target = listener;
            if (target == null) {
                log.warn("{}: {} frame dropped: the device is {}", device, characteristic.hexId(),
                        stopped ? "closed" : "not started");
                return decoded;
            }
            if (decoded instanceof FrameRejection rejection && rejection.kind() == RejectionKind.MALFORMED) {
                frameFault = "malformed " + characteristic.hexId() + " frame: " + rejection.reason();
                publish();
            } else if (decoded instanceof Measurement && frameFault != null) {
                frameFault = null;
                publish();
            }
        }
        synchronized (delivery) {
            try {
                if (decoded instanceof Measurement measurement) {
                    target.measured(measurement);
                } else {
                    FrameRejection rejection = (FrameRejection) decoded;
                    // Readings are health data: the bytes go to the listener and to debug logs only.
                    log.info("{}: {} frame rejected ({}): {}", device, characteristic.hexId(), rejection.kind(),
                            rejection.reason());
                    log.debug("{}: {}", device, rejection.describe());
                    target.rejected(rejection);
                }
            } catch (RuntimeException e) {
                log.error("{}: the measurement listener failed on a {} frame", device, characteristic.hexId(), e);
            }
        }
        return decoded;
    }

    /** The link works: connected, unless a malformed frame since the last good one says otherwise. */
    public synchronized void linkConnected() {
        link = DeviceState.CONNECTED;
        linkReason = null;
        publish();
    }

    /** The device is reachable but its link is not working: an adapter down, a failed subscription. */
    public synchronized void linkDegraded(String reason) {
        link = DeviceState.DEGRADED;
        linkReason = Objects.requireNonNull(reason, "reason");
        frameFault = null;
        publish();
    }

    /** The device is not there: unplugged, not paired, its port gone. */
    public synchronized void linkAbsent(String reason) {
        link = DeviceState.ABSENT;
        linkReason = Objects.requireNonNull(reason, "reason");
        frameFault = null;
        publish();
    }

    /** The link delivered something that is no frame at all (a garbled line); degraded until the next good frame. */
    public synchronized void garbage(String reason) {
        frameFault = Objects.requireNonNull(reason, "reason");
        publish();
    }

    private void publish() {
        if (link == null || stopped) {
            return;
        }
        switch (link) {
            case CONNECTED -> {
                if (frameFault == null) {
                    board.connected(device);
                } else {
                    board.degraded(device, frameFault);
                }
            }
            case DEGRADED -> board.degraded(device, linkReason);
            case ABSENT -> board.absent(device, linkReason);
        }
    }
}
