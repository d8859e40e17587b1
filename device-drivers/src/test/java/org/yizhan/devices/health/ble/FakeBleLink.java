package org.yizhan.devices.health.ble;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.yizhan.devices.health.RecordingListener;

/**
 * A Bluetooth stack in memory: paired devices with their service and characteristics, an adapter that
 * can go down, devices that sleep and wake, one connection at a time. Disconnections are signalled on a
 * thread of their own, as D-Bus signals are. Tests drive it from their thread; the device calls it from its.
 */
final class FakeBleLink implements BleLink {

    private record Peripheral(int serviceUuid16, Set<Integer> characteristics) {
    }

    private final Map<String, Peripheral> paired = new LinkedHashMap<>();
    private final Set<String> asleep = new HashSet<>();
    private final Map<Integer, Consumer<byte[]>> subscriptions = new HashMap<>();
    private boolean adapterUp = true;
    private String connected;
    private Runnable disconnected;
    private String connectFailure;
    private int connectAttempts;
    private boolean closed;

    synchronized void pair(String address, int serviceUuid16, Integer... characteristics) {
        paired.put(address, new Peripheral(serviceUuid16, Set.of(characteristics)));
    }

    /** The device is removed from BlueZ ("remove" in bluetoothctl), or its bond is lost. */
    synchronized void remove(String address) {
        paired.remove(address);
        if (address.equals(connected)) {
            dropConnection();
        }
    }

    synchronized void adapterDown() {
        adapterUp = false;
        dropConnection();
    }

    synchronized void adapterUp() {
        adapterUp = true;
    }

    /** The device ends the connection and stops advertising, as a cuff does after sending its result. */
    synchronized void sleep(String address) {
        asleep.add(address);
        if (address.equals(connected)) {
            dropConnection();
        }
    }

    /** The device advertises again: the next connection attempt succeeds. */
    synchronized void wake(String address) {
        asleep.remove(address);
    }

    /** Connection attempts to an awake device fail with {@code message} (null: they succeed). */
    synchronized void failConnections(String message) {
        connectFailure = message;
    }

    /**
     * The connected device sends {@code value} on a characteristic, once the device under test has
     * subscribed to it (waiting up to the tests' patience). The value arrives on the calling thread.
     */
    void indicate(String address, int characteristicUuid16, byte[] value) throws InterruptedException {
        Consumer<byte[]> consumer;
        synchronized (this) {
            long deadline = System.nanoTime() + RecordingListener.PATIENCE.toNanos();
            while (!address.equals(connected) || !subscriptions.containsKey(characteristicUuid16)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(String.format("nobody subscribed to 0x%04X on %s within %s",
                            characteristicUuid16, address, RecordingListener.PATIENCE));
                }
                wait(Math.max(1, left / 1_000_000));
            }
            consumer = subscriptions.get(characteristicUuid16);
        }
        consumer.accept(value.clone());
    }

    /** Waits until the device under test has tried to connect at least {@code count} times in all. */
    synchronized void awaitConnectAttempts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + RecordingListener.PATIENCE.toNanos();
        while (connectAttempts < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + connectAttempts + " connection attempts within " + RecordingListener.PATIENCE);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized int connectAttempts() {
        return connectAttempts;
    }

    synchronized Optional<String> connectedAddress() {
        return Optional.ofNullable(connected);
    }

    synchronized Set<Integer> subscribed() {
        return Set.copyOf(subscriptions.keySet());
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void checkAdapter() throws BleLinkException {
        if (closed) {
            throw new BleLinkException("the fake link is closed");
        }
        if (!adapterUp) {
            throw new BleLinkException("Bluetooth adapter hci0 is off");
        }
    }

    @Override
    public synchronized Optional<String> findPaired(Optional<String> address, int serviceUuid16) {
        if (address.isPresent()) {
            return paired.containsKey(address.get()) ? address : Optional.empty();
        }
        return paired.entrySet().stream()
                .filter(e -> e.getValue().serviceUuid16() == serviceUuid16)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public synchronized boolean connect(String address, Runnable disconnected) throws BleLinkException {
        connectAttempts++;
        notifyAll();
        if (!adapterUp || !paired.containsKey(address) || asleep.contains(address)) {
            return false;
        }
        if (connectFailure != null) {
            throw new BleLinkException(connectFailure);
        }
        connected = address;
        this.disconnected = disconnected;
        return true;
    }

    @Override
    public synchronized boolean subscribe(String address, int serviceUuid16, int characteristicUuid16, Consumer<byte[]> values)
            throws BleLinkException {
        if (!address.equals(connected)) {
            throw new BleLinkException(address + " is not connected");
        }
        Peripheral peripheral = paired.get(address);
        if (peripheral.serviceUuid16() != serviceUuid16 || !peripheral.characteristics().contains(characteristicUuid16)) {
            return false;
        }
        subscriptions.put(characteristicUuid16, values);
        notifyAll();
        return true;
    }

    @Override
    public synchronized void disconnect(String address) {
        if (address.equals(connected)) {
            dropConnection();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        connected = null;
        disconnected = null;
        subscriptions.clear();
    }

    private void dropConnection() {
        Runnable callback = disconnected;
        connected = null;
        disconnected = null;
        subscriptions.clear();
        notifyAll();
        if (callback != null) {
            Thread signal = new Thread(callback, "fake-dbus-signal");
            signal.start();
        }
    }
}
