package org.yizhan.devices.health.ble;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.health.MeasurementRelay;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A Bluetooth LE cuff, scale or thermometer speaking a SIG health profile, reached through a {@link BleLink}.
 *
 * <p>Such devices sleep between measurements: a cuff wakes when the resident presses its button, measures,
 * advertises, lets the kiosk connect and indicate the result, and disconnects again. So a disconnection is
 * the normal end of a measurement, not a fault, and the status board says what a maintainer can act on:
 * <ul>
 *   <li><b>connected</b>: the adapter is up and the configured device is paired, awake or asleep;</li>
 *   <li><b>degraded</b>: the adapter is down or missing, BlueZ cannot be reached, the device lacks the
 *       measurement characteristic, the last connection attempt failed, or it sent a malformed frame;</li>
 *   <li><b>absent</b>: no paired device matches (never paired, or removed from BlueZ).</li>
 * </ul>
 *
 * <p>One thread per device, started by {@link #start}, does everything: every poll interval (and at once
 * when the device disconnects) it checks the adapter, finds the paired device by address or by service,
 * and, while not subscribed, tries to connect and subscribe to the configured characteristics. Values the
 * link delivers on its own threads are queued to this thread, decoded and handed to the listener in arrival
 * order, so listener calls come on this thread only. Anything the link throws is reported, never fatal:
 * the thread keeps polling until {@link #close}, which stops it, disconnects and closes the link.
 */
public final class BleHealthDevice implements HealthDevice {

    private static final Logger log = LoggerFactory.getLogger(BleHealthDevice.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private sealed interface Event {
    }

    private record Value(Characteristic characteristic, byte[] bytes) implements Event {
    }

    private record Disconnected(int connection) implements Event {
    }

    private final BleHealthDeviceConfig config;
    private final BleLink link;
    private final MeasurementRelay relay;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean closing;
    private Thread thread;

    // Owned by the device thread.
    private String address;
    private boolean subscribed;
    private int connection;
    private String connectFault;

    public BleHealthDevice(BleHealthDeviceConfig config, BleLink link, DeviceStatusBoard board) {
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
        if (closing) {
            throw new IllegalStateException(name() + " is closed");
        }
        relay.start(listener);
        thread = new Thread(this::run, "health-ble-" + name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            running = thread;
        }
        relay.stop();
        if (running == null) {
            link.close();
            return;
        }
        running.interrupt();
        if (running == Thread.currentThread()) {
            // Closed from inside the listener: the loop sees closing and cleans up when the listener returns.
            return;
        }
        try {
            running.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            log.warn("{}: still inside a Bluetooth call after {}; closing the link under it", name(), CLOSE_WAIT);
            link.close();
        }
    }

    private void run() {
        long pollNanos = config.pollInterval().toNanos();
        long nextPoll = System.nanoTime();
        try {
            while (!closing) {
                long wait = nextPoll - System.nanoTime();
                Event event = wait > 0 ? events.poll(wait, TimeUnit.NANOSECONDS) : events.poll();
                if (closing) {
                    break;
                }
                if (event instanceof Value value) {
                    relay.relay(value.characteristic(), value.bytes());
                    continue;
                }
                if (event instanceof Disconnected disconnected) {
                    if (disconnected.connection() != connection || !subscribed) {
                        continue;
                    }
                    subscribed = false;
                    log.info("{}: {} disconnected; waiting for it to advertise again", name(), address);
                }
                poll();
                nextPoll = System.nanoTime() + pollNanos;
            }
        } catch (InterruptedException e) {
            // close() interrupts a waiting thread; closing is already set
        } finally {
            drop();
            link.close();
        }
    }

    private void poll() {
        try {
            link.checkAdapter();
            Optional<String> found = link.findPaired(config.address(), config.serviceUuid16());
            if (found.isEmpty()) {
                drop();
                address = null;
                relay.linkAbsent(notPaired());
                return;
            }
            if (!found.get().equals(address)) {
                drop();
                address = found.get();
                connectFault = null;
                log.info("{}: using paired device {}", name(), address);
            }
            if (connectFault == null) {
                relay.linkConnected();
            }
            if (!subscribed) {
                connectAndSubscribe();
            }
        } catch (BleLinkException e) {
            drop();
            // This fault replaces any earlier connection fault: once it clears, connected is true again.
            connectFault = null;
            relay.linkDegraded(e.getMessage());
        } catch (RuntimeException e) {
            // A fault in the stack must not end the thread: report it and try again at the next poll.
            log.error("{}: unexpected failure of the Bluetooth link", name(), e);
            drop();
            relay.linkDegraded("unexpected failure of the Bluetooth link: " + e);
        }
    }

    private void connectAndSubscribe() {
        int attempt = ++connection;
        try {
            if (!link.connect(address, () -> events.add(new Disconnected(attempt)))) {
                // Asleep or out of range: normal between measurements.
                return;
            }
            for (Characteristic characteristic : config.characteristics()) {
                boolean subscribedToIt = link.subscribe(address, config.serviceUuid16(), characteristic.uuid16(),
                        bytes -> events.add(new Value(characteristic, bytes)));
                if (subscribedToIt) {
                    continue;
                }
                if (characteristic == config.measurement()) {
                    failConnection(String.format("%s has no %s characteristic (0x%s) in service 0x%04X: is it the right device?",
                            address, characteristic.label(), characteristic.hexId(), config.serviceUuid16()));
                    return;
                }
                log.info("{}: {} has no {} characteristic; carrying on without it", name(), address, characteristic.label());
            }
        } catch (BleLinkException e) {
            failConnection(e.getMessage());
            return;
        }
        subscribed = true;
        connectFault = null;
        relay.linkConnected();
        log.info("{}: connected to {}, waiting for measurements", name(), address);
    }

    /** Degraded until a connection succeeds: reporting connected at every poll in between would make the status flap. */
    private void failConnection(String reason) {
        connectFault = reason;
        link.disconnect(address);
        relay.linkDegraded(reason);
    }

    /** Forgets the current connection; callbacks from it are ignored from now on. */
    private void drop() {
        if (subscribed) {
            link.disconnect(address);
            subscribed = false;
        }
        connection++;
    }

    private String notPaired() {
        return config.address()
                .map(a -> "no paired device at " + a + "; pair it with bluetoothctl")
                .orElse(String.format("no paired device offering service 0x%04X; pair one with bluetoothctl", config.serviceUuid16()));
    }
}
