package org.yizhan.kiosk.ui.maintenance;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.ui.Messages;

/**
 * One device on the maintenance screen: its latest status and that status in words, in the window's
 * language. The words follow the status, the language and the clock, so "for 3 h 12 min" keeps counting
 * while the screen is shown.
 *
 * <p>Threading: JavaFX thread only, like the properties it binds to.
 */
public final class DeviceRow {

    private final int order;
    private final String device;
    private final ReadOnlyObjectWrapper<DeviceStatus> status;
    private final ObjectBinding<DeviceState> state;
    private final StringBinding name;
    private final StringBinding configuredName;
    private final StringBinding stateWord;
    private final StringBinding since;
    private final StringBinding lastError;

    DeviceRow(int order, DeviceStatus first, ObservableValue<Messages> messages, ObservableValue<ZonedDateTime> now) {
        this.order = order;
        this.device = first.device();
        this.status = new ReadOnlyObjectWrapper<>(this, "status", first);
        state = Bindings.createObjectBinding(() -> status.get().state(), status);
        name = Bindings.createStringBinding(() -> messages.getValue().deviceName(device), messages);
        // The configured name beside the translated one is what logs, headless events and the config file use.
        configuredName = Bindings.createStringBinding(() -> name.get().equals(device) ? "" : device, name);
        stateWord = Bindings.createStringBinding(() -> messages.getValue().deviceState(state.get()), messages, state);
        since = Bindings.createStringBinding(() -> since(messages.getValue(), status.get(), now.getValue()),
                messages, status, now);
        lastError = Bindings.createStringBinding(() -> status.get().lastError() == null ? ""
                : messages.getValue().format("maintenance.last-error", status.get().lastError()), messages, status);
    }

    void update(DeviceStatus latest) {
        status.set(latest);
    }

    /** 0 for the first device the model heard of, 1 for the next, and so on. */
    int order() {
        return order;
    }

    /** The device's configured name, e.g. {@code scanner}. */
    public String device() {
        return device;
    }

    public ReadOnlyObjectProperty<DeviceStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectBinding<DeviceState> state() {
        return state;
    }

    /** 扫码器 / QR scanner, or the configured name for a device the window has no words for. */
    public StringBinding name() {
        return name;
    }

    /** The configured name when {@link #name} is a translation of it, else empty. */
    public StringBinding configuredName() {
        return configuredName;
    }

    /** 已连接 / Connected, 异常 / Degraded, 未连接 / Absent. */
    public StringBinding stateWord() {
        return stateWord;
    }

    /** When the state began, in kiosk-local time, and how long it has lasted. */
    public StringBinding since() {
        return since;
    }

    /** The last error the device reported, even once it is connected again; empty when it never had one. */
    public StringBinding lastError() {
        return lastError;
    }

    static String since(Messages messages, DeviceStatus status, ZonedDateTime now) {
        ZonedDateTime start = status.since().atZone(now.getZone());
        String pattern;
        if (start.toLocalDate().equals(now.toLocalDate())) {
            pattern = "maintenance.since.time";
        } else if (start.getYear() == now.getYear()) {
            pattern = "maintenance.since.date";
        } else {
            pattern = "maintenance.since.year";
        }
        String at = start.format(DateTimeFormatter.ofPattern(messages.text(pattern), messages.language().locale()));
        return messages.format("maintenance.since", at, lasting(messages, Duration.between(start, now)));
    }

    static String lasting(Messages messages, Duration duration) {
        // The clock on screen reads kiosk time once a second, so a state that began a moment ago can look
        // a little in the future.
        Duration elapsed = duration.isNegative() ? Duration.ZERO : duration;
        long minutes = elapsed.toMinutes();
        if (minutes < 1) {
            return messages.text("maintenance.for.moment");
        }
        if (minutes < 60) {
            return messages.format("maintenance.for.minutes", String.valueOf(minutes));
        }
        long hours = elapsed.toHours();
        if (hours < 24) {
            return messages.format("maintenance.for.hours", String.valueOf(hours), String.valueOf(minutes % 60));
        }
        return messages.format("maintenance.for.days", String.valueOf(elapsed.toDays()), String.valueOf(hours % 24));
    }
}
