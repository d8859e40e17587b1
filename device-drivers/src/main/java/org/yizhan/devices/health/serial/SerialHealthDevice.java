package org.yizhan.devices.health.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.health.MeasurementRelay;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A health device on a serial port (a cuff with a USB serial interface, or a BLE-to-USB bridge), its
 * frames read by a pluggable {@link SerialFrameProtocol}.
 *
 * <p>One thread per device, started by {@link #start}, opens the port, reads, decodes frames and hands
 * them to the listener in arrival order, so listener calls come on this thread only. Status: connected
 * while the port is open; absent while it cannot be opened or has gone (unplugged), reopened every
 * reopen interval until it returns; degraded after a garbled frame or a malformed characteristic value,
 * until the next value that decodes. Frames the protocol ignores are logged at debug level. The thread
 * runs until {@link #close}, which closes the port (ending a blocked read) and waits for the thread.
 */
public final class SerialHealthDevice implements HealthDevice {

    private static final Logger log = LoggerFactory.getLogger(SerialHealthDevice.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final int BUFFER_SIZE = 256;

    private final SerialHealthDeviceConfig config;
    private final SerialLink link;
    private final MeasurementRelay relay;
    private final CountDownLatch closing = new CountDownLatch(1);
    private Thread thread;

    public SerialHealthDevice(SerialHealthDeviceConfig config, SerialLink link, DeviceStatusBoard board) {
        this.config = Objects.requireNonNull(config, "config");
        this.link = Objects.requireNonNull(link, "link");
        this.relay = new MeasurementRelay(config.name(), board);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public synchronized void start(MeasurementListener listener) {
        if (isClosing()) {
            throw new IllegalStateException(name() + " is closed");
        }
        relay.start(listener);
        thread = new Thread(this::run, "health-serial-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (isClosing()) {
                return;
            }
            closing.countDown();
            running = thread;
        }
        relay.stop();
        link.close();
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        try {
            running.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            log.warn("{}: the reader did not stop within {}", name(), CLOSE_WAIT);
        }
    }

    private void run() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            while (!isClosing()) {
                try {
                    link.open();
                } catch (IOException e) {
                    relay.linkAbsent(link.portName() + ": " + e.getMessage());
                    pause();
                    continue;
                }
                log.info("{}: {} open ({} baud, {} protocol)", name(), link.portName(), config.baud(), config.protocol().name());
                relay.linkConnected();
                readUntilGone(buffer);
                link.close();
            }
        } catch (InterruptedException e) {
            // close() is under way
        } catch (RuntimeException e) {
            // A protocol or link bug must not leave the device silently dead: say so where maintainers look.
            log.error("{}: the serial reader failed", name(), e);
            relay.linkDegraded("the serial reader failed: " + e);
        } finally {
            link.close();
        }
    }

    private void readUntilGone(byte[] buffer) {
        SerialFrameProtocol.Decoder decoder = config.protocol().newDecoder();
        try {
            while (!isClosing()) {
                int read = link.read(buffer);
                if (read > 0) {
                    decoder.feed(buffer, read).forEach(this::handle);
                }
            }
        } catch (IOException e) {
            if (!isClosing()) {
                relay.linkAbsent(link.portName() + ": " + e.getMessage());
            }
        }
    }

    private void handle(SerialFrame frame) {
        if (frame instanceof SerialFrame.Notification notification) {
            BleNotification value = notification.notification();
            relay.relay(value.characteristic(), value.value());
        } else if (frame instanceof SerialFrame.Garbled garbled) {
            log.warn("{}: garbled frame from {}: {}", name(), link.portName(), garbled.reason());
            relay.garbage("garbled frame from " + link.portName() + ": " + garbled.reason());
        } else if (frame instanceof SerialFrame.Ignored ignored) {
            log.debug("{}: ignored: {}", name(), ignored.reason());
        }
    }

    private void pause() throws InterruptedException {
        closing.await(config.reopenInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }
}
