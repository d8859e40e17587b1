package org.yizhan.devices.health.ble;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The narrow piece of a Bluetooth LE stack a {@link BleHealthDevice} needs: is there an adapter, which
 * paired device is ours, connect to it, subscribe to a characteristic, hear when it disconnects.
 * {@link BluezBleLink} speaks to BlueZ over D-Bus; tests use a fake.
 *
 * <p>Addresses are upper case, {@code AA:BB:CC:DD:EE:FF}; UUIDs are 16-bit SIG numbers. Methods are
 * called from the device's one thread; the callbacks ({@code values}, {@code disconnected}) may come on
 * any thread, must not block, and may arrive after the device has moved on (the caller ignores stale ones).
 * Failures a maintainer should read come as {@link BleLinkException} with a message that says what to check.
 */
public interface BleLink extends AutoCloseable {

    /** Returns when a powered adapter is there; throws saying what is wrong otherwise. */
    void checkAdapter() throws BleLinkException;

    /**
     * A paired (or trusted) device known to the adapter: the one at {@code address} when given, otherwise
     * one that offers the service {@code serviceUuid16}. Empty when there is none: not paired, removed, or
     * paired to another adapter.
     */
    Optional<String> findPaired(Optional<String> address, int serviceUuid16) throws BleLinkException;

    /**
     * Connects to the device and resolves its services. True when connected; false when the device is not
     * in range or asleep, which for a cuff between measurements is normal and not an error.
     * {@code disconnected} runs once when this connection ends.
     */
    boolean connect(String address, Runnable disconnected) throws BleLinkException;

    /**
     * Starts notifications or indications (BlueZ confirms indications itself) of a characteristic of a
     * connected device; each value arrives on {@code values}. False when the device has no such
     * characteristic in that service.
     */
    boolean subscribe(String address, int serviceUuid16, int characteristicUuid16, Consumer<byte[]> values)
            throws BleLinkException;

    /** Ends the connection, if any; never throws. */
    void disconnect(String address);

    /** Releases the stack; never throws. */
    @Override
    void close();
}
