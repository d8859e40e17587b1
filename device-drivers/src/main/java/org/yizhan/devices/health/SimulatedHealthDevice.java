package org.yizhan.devices.health;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A health device with no radio: tests and the headless mode hand it raw characteristic values with
 * {@link #receive}, and they take the path a real notification takes, through {@link Characteristic#decode}
 * and the same {@link MeasurementRelay} as the BLE and serial transports.
 *
 * <p>Delivery is synchronous: the listener is called on the thread calling {@code receive}, before it
 * returns, so a headless command's events are out before the next command is read. {@link #unplug} and
 * {@link #plug} report absent and connected on the status board (from {@link #start} on; before, they only
 * set the state the device starts in). Values received while unplugged, before start or after close are
 * lost, as they would be on the air, and logged.
 *
 * <p>A device serves the characteristics it is built with (all four by default), so a kiosk with a
 * simulated cuff and a simulated scale can route the headless {@code ble} command by {@link #serves}.
 * Safe from any thread.
 */
public final class SimulatedHealthDevice implements HealthDevice {

    private static final Logger log = LoggerFactory.getLogger(SimulatedHealthDevice.class);

    private final String name;
    private final Set<Characteristic> served;
    private final MeasurementRelay relay;
    private boolean plugged = true;
    private boolean started;
    private boolean closed;

    /** A device serving every characteristic Yizhan decodes. */
    public SimulatedHealthDevice(String name, DeviceStatusBoard board) {
        this(name, board, EnumSet.allOf(Characteristic.class));
    }

    public SimulatedHealthDevice(String name, DeviceStatusBoard board, Set<Characteristic> served) {
        this.name = Objects.requireNonNull(name, "name");
        if (served.isEmpty()) {
            throw new IllegalArgumentException(name + ": a simulated device must serve at least one characteristic");
        }
        this.served = Set.copyOf(served);
        this.relay = new MeasurementRelay(name, board);
    }

    @Override
    public String name() {
        return name;
    }

    public boolean serves(Characteristic characteristic) {
        return served.contains(characteristic);
    }

    @Override
    public synchronized void start(MeasurementListener listener) {
        relay.start(listener);
        started = true;
        reportLink();
    }

    /**
     * The device sends {@code raw} as a value of {@code characteristic}. Returns whether it reached the
     * listener (as a measurement or a rejection): false when unplugged, not started, closed, or when this
     * device does not serve the characteristic.
     */
    public boolean receive(Characteristic characteristic, byte[] raw) {
        Objects.requireNonNull(characteristic, "characteristic");
        synchronized (this) {
            String lost = !served.contains(characteristic) ? "this device does not serve it"
                    : closed ? "the device is closed"
                    : !started ? "the device is not started"
                    : !plugged ? "the device is unplugged"
                    : null;
            if (lost != null) {
                log.warn("{}: {} value lost: {}", name, characteristic.hexId(), lost);
                return false;
            }
        }
        relay.relay(characteristic, raw);
        return true;
    }

    /** {@link #receive(Characteristic, byte[])} with the characteristic named as {@link Characteristic#parse} takes it. */
    public boolean receive(String characteristic, byte[] raw) {
        return receive(Characteristic.parse(characteristic), raw);
    }

    /** The headless {@code ble} command's argument, already parsed with {@link BleNotification#parse}. */
    public boolean receive(BleNotification notification) {
        return receive(notification.characteristic(), notification.value());
    }

    /** Takes the device away: absent on the board, and values are lost until {@link #plug}. */
    public synchronized void unplug() {
        plugged = false;
        reportLink();
    }

    /** Brings the device back: connected on the board, and values flow again. */
    public synchronized void plug() {
        plugged = true;
        reportLink();
    }

    @Override
    public synchronized void close() {
        closed = true;
        relay.stop();
    }

    private void reportLink() {
        if (!started || closed) {
            return;
        }
        if (plugged) {
            relay.linkConnected();
        } else {
            relay.linkAbsent("unplugged (simulated)");
        }
    }
}
