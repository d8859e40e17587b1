package org.yizhan.devices.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of device statuses: every driver reports here, and the kiosk's maintenance screen, the
 * headless mode and telemetry listen.
 *
 * <p>A report that changes a device's state, or its error, is published to every listener; a report
 * that changes nothing is dropped, so drivers may report on every poll. {@code since} is when the state
 * last changed: a new error in the same state keeps it.
 *
 * <p>Threading: safe to call from any thread; listeners are called on the reporting thread, in report
 * order per device, and must not block.
 */
public final class DeviceStatusBoard {

    private static final Logger log = LoggerFactory.getLogger(DeviceStatusBoard.class);

    private final Clock clock;
    private final Map<String, DeviceStatus> current = new LinkedHashMap<>();
    private final List<Consumer<DeviceStatus>> listeners = new CopyOnWriteArrayList<>();

    public DeviceStatusBoard(Clock clock) {
        this.clock = clock;
    }

    public void subscribe(Consumer<DeviceStatus> listener) {
        listeners.add(listener);
    }

    public void connected(String device) {
        report(device, DeviceState.CONNECTED, null);
    }

    public void degraded(String device, String error) {
        report(device, DeviceState.DEGRADED, error);
    }

    public void absent(String device, String error) {
        report(device, DeviceState.ABSENT, error);
    }

    private void report(String device, DeviceState state, String error) {
        DeviceStatus changed;
        synchronized (current) {
            DeviceStatus before = current.get(device);
            if (before != null && before.state() == state
                    && (error == null || Objects.equals(before.lastError(), error))) {
                return;
            }
            String lastError = error != null ? error : before == null ? null : before.lastError();
            changed = new DeviceStatus(device, state, lastError,
                    before != null && before.state() == state ? before.since() : clock.instant());
            current.put(device, changed);
        }
        if (state != DeviceState.CONNECTED) {
            log.warn("{} is {}: {}", device, state.code(), error);
        } else {
            log.info("{} is connected", device);
        }
        for (Consumer<DeviceStatus> listener : listeners) {
            listener.accept(changed);
        }
    }

    /** Every device's latest status, in the order they first reported. */
    public List<DeviceStatus> snapshot() {
        synchronized (current) {
            return new ArrayList<>(current.values());
        }
    }
}
