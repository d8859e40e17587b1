package org.yizhan.devices.health.ble;

import com.github.hypfvieh.bluetooth.DeviceManager;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothAdapter;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothDevice;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattCharacteristic;
import com.github.hypfvieh.bluetooth.wrapper.BluetoothGattService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.handlers.AbstractPropertiesChangedHandler;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.health.Characteristic;

/**
 * A {@link BleLink} to BlueZ over the system D-Bus, through bluez-dbus ({@link DeviceManager} and its
 * wrappers). Needs bluetoothd running and the kiosk user allowed to talk to it (member of the
 * {@code bluetooth} group on Raspberry Pi OS), and the device paired or trusted beforehand with
 * {@code bluetoothctl}. Indications are confirmed by BlueZ; this class only sees the values.
 *
 * <p>How it decides to connect: a sleeping cuff does not answer, and BlueZ's Connect to an LE device
 * that does not advertise blocks for many seconds. So while the device is not connected the link keeps
 * an LE discovery session of its own running, takes any advertisement property change of the device
 * (RSSI, manufacturer or service data, TX power) as "awake", and calls Connect only within
 * 10 s of one. A device that BlueZ connected on its own is used as it is. This rests on BlueZ reporting
 * the device's advertisements while discovering, which must be checked on hardware for each cuff model
 * (one that only sends directed advertisements may not show them); as a fallback, Connect is also tried
 * blind every 30 s, at the cost of the device's thread waiting for BlueZ's connection timeout.
 *
 * <p>Values and disconnections arrive as PropertiesChanged signals on dbus-java's signal threads and are
 * passed to the callbacks there. Only paths this link subscribed to or watches are kept: the signals of
 * devices passing the window (phones, with random addresses) are dropped, and nothing grows with them.
 * Nothing is opened before the first call; a missing system bus, a missing or unpowered adapter become
 * {@link BleLinkException}s naming what to check. Methods are called from one thread (the device's);
 * {@link #close} may come from any thread and is idempotent.
 */
public final class BluezBleLink implements BleLink {

    private static final Logger log = LoggerFactory.getLogger(BluezBleLink.class);

    private static final long FRESH_SECONDS = 10;
    private static final Duration BLIND_ATTEMPT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration SERVICES_RESOLVE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SERVICES_RESOLVE_STEP = Duration.ofMillis(100);
    private static final String DEVICE_INTERFACE = "org.bluez.Device1";
    private static final String CHARACTERISTIC_INTERFACE = "org.bluez.GattCharacteristic1";
    private static final Set<String> ADVERTISEMENT_PROPERTIES = Set.of("RSSI", "ManufacturerData", "ServiceData", "TxPower");

    private final Optional<String> adapterName;
    private final Set<String> watchedDevices = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastAdvertisement = new ConcurrentHashMap<>();
    private final Map<String, Runnable> disconnectCallbacks = new ConcurrentHashMap<>();
    private final Map<String, Consumer<byte[]>> valueConsumers = new ConcurrentHashMap<>();
    private final AbstractPropertiesChangedHandler handler = new AbstractPropertiesChangedHandler() {
        @Override
        public void handle(PropertiesChanged signal) {
            onPropertiesChanged(signal.getPath(), signal.getInterfaceName(), signal.getPropertiesChanged());
        }
    };

    private DeviceManager manager;
    private BluetoothAdapter adapter;
    private BluetoothDevice device;
    private String deviceAddress;
    private boolean discovering;
    private long lastBlindAttempt = System.nanoTime();
    private boolean closed;

    /** The adapter named {@code hci0}, or the first one BlueZ lists when empty. */
    public BluezBleLink(Optional<String> adapterName) {
        this.adapterName = Objects.requireNonNull(adapterName, "adapterName");
    }

    @Override
    public void checkAdapter() throws BleLinkException {
        ensureManager();
        if (adapter != null) {
            try {
                if (adapter.isPowered()) {
                    return;
                }
            } catch (RuntimeException e) {
                // The adapter's object is gone (a USB dongle pulled, bluetoothd restarted): find it again.
                log.info("Bluetooth adapter {} went away: {}", adapter.getDbusPath(), e.toString());
                forgetAdapter();
            }
        }
        if (adapter == null) {
            adapter = findAdapter();
        }
        if (!adapter.isPowered()) {
            // Unattended: nobody will type "power on", so the kiosk does it.
            try {
                adapter.setPowered(true);
            } catch (RuntimeException e) {
                log.debug("powering {} on failed", adapter.getDbusPath(), e);
            }
            if (!adapter.isPowered()) {
                throw new BleLinkException("Bluetooth adapter " + adapter.getDeviceName()
                        + " is off and did not power on (blocked by rfkill? check 'rfkill list' and 'bluetoothctl show')");
            }
        }
    }

    @Override
    public Optional<String> findPaired(Optional<String> address, int serviceUuid16) throws BleLinkException {
        requireAdapter();
        if (device != null) {
            try {
                if (usable(device) && matches(device, deviceAddress, address, serviceUuid16)) {
                    return Optional.of(deviceAddress);
                }
            } catch (RuntimeException e) {
                // BlueZ removed the device's object (unpaired, or "remove" in bluetoothctl): look again below.
                log.info("{} went away: {}", deviceAddress, e.toString());
            }
            forgetDevice();
        }
        List<BluetoothDevice> known;
        try {
            known = manager.getDevices(adapter.getAddress(), true);
        } catch (RuntimeException e) {
            throw new BleLinkException("listing the devices of " + adapter.getDeviceName() + " failed: " + e.getMessage(), e);
        }
        for (BluetoothDevice candidate : known) {
            try {
                String candidateAddress = normalise(candidate.getAddress());
                if (candidateAddress != null && usable(candidate) && matches(candidate, candidateAddress, address, serviceUuid16)) {
                    device = candidate;
                    deviceAddress = candidateAddress;
                    watchedDevices.add(candidate.getDbusPath());
                    return Optional.of(candidateAddress);
                }
            } catch (RuntimeException e) {
                // Removed while we looked: not our device.
                log.debug("skipping {}: {}", candidate.getDbusPath(), e.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean connect(String address, Runnable disconnected) throws BleLinkException {
        BluetoothDevice target = requireDevice(address);
        String path = target.getDbusPath();
        disconnectCallbacks.put(path, disconnected);
        try {
            if (!Boolean.TRUE.equals(target.isConnected())) {
                long now = System.nanoTime();
                Long seen = lastAdvertisement.get(path);
                boolean advertising = seen != null && now - seen <= Duration.ofSeconds(FRESH_SECONDS).toNanos();
                boolean blindAttemptDue = now - lastBlindAttempt >= BLIND_ATTEMPT_INTERVAL.toNanos();
                if (!advertising && !blindAttemptDue) {
                    disconnectCallbacks.remove(path);
                    startDiscovery();
                    return false;
                }
                if (!advertising) {
                    lastBlindAttempt = now;
                }
                if (advertising) {
                    log.info("{} is advertising; connecting", address);
                } else {
                    log.debug("{} was not seen advertising; trying to connect anyway", address);
                }
                if (!target.connect()) {
                    disconnectCallbacks.remove(path);
                    lastAdvertisement.remove(path);
                    return false;
                }
            }
            awaitServicesResolved(target, address);
            stopDiscovery();
            target.refreshGattServices();
            return true;
        } catch (RuntimeException e) {
            // A connection that fails half-way (the cuff went back to sleep) is normal; the next advertisement retries.
            disconnectCallbacks.remove(path);
            lastAdvertisement.remove(path);
            log.info("connecting to {} failed: {}", address, e.toString());
            return false;
        }
    }

    @Override
    public boolean subscribe(String address, int serviceUuid16, int characteristicUuid16, Consumer<byte[]> values)
            throws BleLinkException {
        BluetoothDevice target = requireDevice(address);
        String serviceUuid = Characteristic.fullUuid(serviceUuid16);
        String characteristicUuid = Characteristic.fullUuid(characteristicUuid16);
        BluetoothGattCharacteristic characteristic;
        try {
            BluetoothGattService service = target.getGattServices().stream()
                    .filter(s -> serviceUuid.equalsIgnoreCase(s.getUuid()))
                    .findFirst().orElse(null);
            if (service == null) {
                return false;
            }
            characteristic = service.getGattCharacteristics().stream()
                    .filter(c -> characteristicUuid.equalsIgnoreCase(c.getUuid()))
                    .findFirst().orElse(null);
        } catch (RuntimeException e) {
            throw new BleLinkException("reading the services of " + address + " failed: " + e.getMessage(), e);
        }
        if (characteristic == null) {
            return false;
        }
        valueConsumers.put(characteristic.getDbusPath(), values);
        try {
            if (!Boolean.TRUE.equals(characteristic.isNotifying())) {
                characteristic.startNotify();
            }
            return true;
        } catch (DBusException | RuntimeException e) {
            valueConsumers.remove(characteristic.getDbusPath());
            throw new BleLinkException(String.format("starting indications of 0x%04X on %s failed: %s"
                    + " (if the bond was lost, remove the device and pair it again)", characteristicUuid16, address, e.getMessage()), e);
        }
    }

    @Override
    public void disconnect(String address) {
        if (device == null || !Objects.equals(deviceAddress, normalise(address))) {
            return;
        }
        String path = device.getDbusPath();
        disconnectCallbacks.remove(path);
        valueConsumers.keySet().removeIf(characteristicPath -> characteristicPath.startsWith(path + "/"));
        try {
            device.disconnect();
        } catch (RuntimeException e) {
            log.debug("disconnecting {} failed", address, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (deviceAddress != null) {
            disconnect(deviceAddress);
        }
        closeManager();
    }

    /**
     * The bytes of a D-Bus {@code ay} value: dbus-java hands them over as a {@code byte[]} or as a list of
     * numbers depending on how the signal was unmarshalled.
     */
    static byte[] bytesOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof Byte[] boxed) {
            return bytesOf(Arrays.asList(boxed));
        }
        if (value instanceof List<?> list) {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = ((Number) list.get(i)).byteValue();
            }
            return bytes;
        }
        throw new IllegalArgumentException("not a byte array: " + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * The socket of the system bus at {@code address} (the D-Bus default when null), when it is a plain
     * {@code unix:path=} address; empty for other transports, which are left to dbus-java.
     */
    static Optional<Path> systemBusSocket(String address) {
        String first = (address == null || address.isBlank() ? "unix:path=/var/run/dbus/system_bus_socket" : address).split(";")[0];
        if (!first.startsWith("unix:")) {
            return Optional.empty();
        }
        return Arrays.stream(first.substring("unix:".length()).split(","))
                .filter(part -> part.startsWith("path="))
                .map(part -> Path.of(part.substring("path=".length())))
                .findFirst();
    }

    void onPropertiesChanged(String path, String interfaceName, Map<String, Variant<?>> changed) {
        if (path == null || changed == null) {
            return;
        }
        if (CHARACTERISTIC_INTERFACE.equals(interfaceName)) {
            Consumer<byte[]> consumer = valueConsumers.get(path);
            Variant<?> value = changed.get("Value");
            if (consumer != null && value != null) {
                try {
                    consumer.accept(bytesOf(value.getValue()));
                } catch (RuntimeException e) {
                    log.warn("a value of {} could not be passed on", path, e);
                }
            }
        } else if (DEVICE_INTERFACE.equals(interfaceName) && watchedDevices.contains(path)) {
            if (changed.keySet().stream().anyMatch(ADVERTISEMENT_PROPERTIES::contains)) {
                lastAdvertisement.put(path, System.nanoTime());
            }
            Variant<?> connected = changed.get("Connected");
            if (connected != null && Boolean.FALSE.equals(connected.getValue())) {
                // An advertisement seen before this disconnection says nothing about the next wake-up.
                lastAdvertisement.remove(path);
                Runnable callback = disconnectCallbacks.remove(path);
                if (callback != null) {
                    callback.run();
                }
            }
        }
    }

    private void ensureManager() throws BleLinkException {
        if (closed) {
            throw new BleLinkException("the Bluetooth link is closed");
        }
        if (manager != null && manager.getDbusConnection().isConnected()) {
            return;
        }
        closeManager();
        Optional<Path> socket = systemBusSocket(System.getenv("DBUS_SYSTEM_BUS_ADDRESS"));
        if (socket.isPresent() && !Files.exists(socket.get())) {
            // dbus-java would retry a missing socket for 10 s; say at once what is wrong.
            throw new BleLinkException("cannot reach BlueZ on the system D-Bus (is bluetoothd running, and the kiosk user"
                    + " in the bluetooth group?): " + socket.get() + " does not exist");
        }
        try {
            manager = DeviceManager.createInstance(false);
            manager.registerPropertyHandler(handler);
        } catch (DBusException | RuntimeException e) {
            closeManager();
            throw new BleLinkException("cannot reach BlueZ on the system D-Bus (is bluetoothd running, and the kiosk user"
                    + " in the bluetooth group?): " + e.getMessage(), e);
        }
    }

    private BluetoothAdapter findAdapter() throws BleLinkException {
        List<BluetoothAdapter> adapters;
        try {
            adapters = manager.scanForBluetoothAdapters();
        } catch (RuntimeException e) {
            throw new BleLinkException("listing Bluetooth adapters failed: " + e.getMessage(), e);
        }
        if (adapters.isEmpty()) {
            throw new BleLinkException("no Bluetooth adapter found (is Bluetooth enabled on the Pi? check 'bluetoothctl list')");
        }
        if (adapterName.isEmpty()) {
            return adapters.get(0);
        }
        return adapters.stream()
                .filter(a -> a.getDeviceName().equals(adapterName.get()))
                .findFirst()
                .orElseThrow(() -> new BleLinkException("no Bluetooth adapter " + adapterName.get() + "; found "
                        + adapters.stream().map(BluetoothAdapter::getDeviceName).collect(Collectors.joining(", "))));
    }

    private void requireAdapter() throws BleLinkException {
        if (adapter == null) {
            checkAdapter();
        }
    }

    private BluetoothDevice requireDevice(String address) throws BleLinkException {
        if (device == null || !Objects.equals(deviceAddress, normalise(address))) {
            throw new BleLinkException("device " + address + " is not known to this link; it must be found first");
        }
        return device;
    }

    private static boolean usable(BluetoothDevice candidate) {
        return Boolean.TRUE.equals(candidate.isPaired()) || Boolean.TRUE.equals(candidate.isTrusted());
    }

    private static boolean matches(BluetoothDevice candidate, String candidateAddress, Optional<String> address, int serviceUuid16) {
        if (address.isPresent()) {
            return address.get().equalsIgnoreCase(candidateAddress);
        }
        String[] uuids = candidate.getUuids();
        String wanted = Characteristic.fullUuid(serviceUuid16);
        return uuids != null && Arrays.stream(uuids).anyMatch(wanted::equalsIgnoreCase);
    }

    private void startDiscovery() {
        if (discovering && Boolean.TRUE.equals(adapter.isDiscovering())) {
            return;
        }
        try {
            // Per-client filter: LE only, and every advertisement reported, so a waking device is seen at once.
            adapter.setDiscoveryFilter(Map.of("Transport", new Variant<>("le"), "DuplicateData", new Variant<>(Boolean.TRUE)));
        } catch (DBusException | RuntimeException e) {
            log.debug("setting the discovery filter on {} failed", adapter.getDbusPath(), e);
        }
        try {
            discovering = adapter.startDiscovery();
        } catch (RuntimeException e) {
            log.info("starting discovery on {} failed: {}", adapter.getDbusPath(), e.toString());
        }
    }

    private void stopDiscovery() {
        if (!discovering) {
            return;
        }
        discovering = false;
        try {
            adapter.stopDiscovery();
        } catch (RuntimeException e) {
            log.debug("stopping discovery on {} failed", adapter.getDbusPath(), e);
        }
    }

    private void awaitServicesResolved(BluetoothDevice target, String address) throws BleLinkException {
        long deadline = System.nanoTime() + SERVICES_RESOLVE_TIMEOUT.toNanos();
        while (!Boolean.TRUE.equals(target.isServicesResolved())) {
            if (System.nanoTime() > deadline) {
                target.disconnect();
                throw new BleLinkException(address + " connected but BlueZ did not resolve its services within "
                        + SERVICES_RESOLVE_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(SERVICES_RESOLVE_STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BleLinkException("interrupted while waiting for the services of " + address, e);
            }
        }
    }

    private void forgetDevice() {
        if (device != null) {
            String path = device.getDbusPath();
            watchedDevices.remove(path);
            lastAdvertisement.remove(path);
            disconnectCallbacks.remove(path);
            valueConsumers.keySet().removeIf(characteristicPath -> characteristicPath.startsWith(path + "/"));
        }
        device = null;
        deviceAddress = null;
    }

    private void forgetAdapter() {
        forgetDevice();
        adapter = null;
        discovering = false;
    }

    private void closeManager() {
        if (manager == null) {
            return;
        }
        stopDiscoveryQuietly();
        forgetAdapter();
        try {
            manager.unRegisterPropertyHandler(handler);
        } catch (DBusException | RuntimeException e) {
            log.debug("unregistering the property handler failed", e);
        }
        try {
            manager.closeConnection();
        } catch (RuntimeException e) {
            log.debug("closing the D-Bus connection failed", e);
        }
        manager = null;
    }

    private void stopDiscoveryQuietly() {
        if (adapter != null) {
            stopDiscovery();
        }
    }

    private static String normalise(String address) {
        return address == null ? null : address.strip().toUpperCase(Locale.ROOT);
    }
}
