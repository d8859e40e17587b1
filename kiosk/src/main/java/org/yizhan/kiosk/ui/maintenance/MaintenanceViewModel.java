package org.yizhan.kiosk.ui.maintenance;

import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.ui.KioskIdentity;
import org.yizhan.kiosk.ui.Messages;

/**
 * What the maintenance screen shows: every device the kiosk has reported on with its latest status;
 * this kiosk's identity and version; today's visits. Devices that are degraded or absent come first, so
 * that they are in sight without scrolling; within each group devices keep the order in which the model
 * first heard of them, and a device moves when its state crosses between the groups.
 *
 * <p>Devices come from two sources: the kiosk's device events, and a snapshot of the status board taken
 * after subscribing to them. An event is always at least as new as the snapshot for its device, so the
 * snapshot only fills in devices no event has told about yet, whichever arrives first.
 *
 * <p>Threading: every method must be called on the UI thread, the thread of {@code uiThread}; the
 * {@link org.yizhan.kiosk.ui.KioskViewModel} that owns this model takes kiosk events over to it. Today's
 * visits are read off that thread and the answer is brought back through {@code uiThread}; of several
 * reads in flight, only the last one asked for is shown.
 */
public final class MaintenanceViewModel {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceViewModel.class);

    private final ObservableValue<Messages> messages;
    private final ObservableValue<ZonedDateTime> now;
    private final Supplier<CompletableFuture<Long>> visitsTodaySource;
    private final Executor uiThread;

    private final Map<String, DeviceRow> byDevice = new HashMap<>();
    // The extractor turns a row's status change into a list update, on which the sorted view re-sorts.
    private final ObservableList<DeviceRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.statusProperty()});
    private final SortedList<DeviceRow> attentionFirst = new SortedList<>(rows,
            Comparator.comparing((DeviceRow row) -> row.statusProperty().get().state() == DeviceState.CONNECTED)
                    .thenComparingInt(DeviceRow::order));
    private final ReadOnlyIntegerWrapper needingAttention = new ReadOnlyIntegerWrapper(this, "needingAttention");
    private final ReadOnlyObjectWrapper<Long> visitsToday = new ReadOnlyObjectWrapper<>(this, "visitsToday");
    private long visitsRequest;

    private final StringBinding summary;
    private final StringBinding kiosk;
    private final StringBinding version;
    private final StringBinding visitsTodayText;

    /**
     * @param messages    the window's words, which follow its language
     * @param now         kiosk time, as the window's clock shows it
     * @param visitsToday reads today's visit count; called on the UI thread, must not block it
     */
    public MaintenanceViewModel(KioskIdentity identity, ObservableValue<Messages> messages,
            ObservableValue<ZonedDateTime> now, Supplier<CompletableFuture<Long>> visitsToday, Executor uiThread) {
        this.messages = messages;
        this.now = now;
        this.visitsTodaySource = visitsToday;
        this.uiThread = uiThread;
        summary = Bindings.createStringBinding(() -> needingAttention.get() == 0
                ? messages.getValue().text("maintenance.all-working")
                : messages.getValue().format("maintenance.attention", String.valueOf(needingAttention.get())),
                messages, needingAttention);
        kiosk = Bindings.createStringBinding(() -> messages.getValue().format("maintenance.kiosk",
                identity.kioskId(), identity.siteId()), messages);
        version = Bindings.createStringBinding(() -> identity.version() == null
                ? messages.getValue().text("maintenance.version.development")
                : messages.getValue().format("maintenance.version", identity.version()), messages);
        visitsTodayText = Bindings.createStringBinding(() -> this.visitsToday.get() == null
                ? messages.getValue().text("maintenance.visits-today.unknown")
                : messages.getValue().format("maintenance.visits-today", String.valueOf(this.visitsToday.get())),
                messages, this.visitsToday);
    }

    /** A device event: the device's row changes in place, or a new row is added at the end. */
    public void deviceChanged(DeviceStatus status) {
        DeviceRow row = byDevice.get(status.device());
        if (row == null) {
            add(status);
        } else {
            row.update(status);
        }
        countProblems();
    }

    /** The status board as it was after subscribing: only devices not yet known are taken from it. */
    public void devicesKnown(List<DeviceStatus> snapshot) {
        snapshot.stream().filter(status -> !byDevice.containsKey(status.device())).forEach(this::add);
        countProblems();
    }

    /** Reads today's visits again; the maintenance screen asks whenever it is shown. */
    public void refreshVisitsToday() {
        long request = ++visitsRequest;
        CompletableFuture<Long> read;
        try {
            read = visitsTodaySource.get();
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((count, failure) -> uiThread.execute(() -> {
            if (request != visitsRequest) {
                return;
            }
            if (failure != null) {
                // Shown as unknown rather than as a number that may be wrong; check-in reports its own failures.
                log.warn("today's visits could not be counted for the maintenance screen", failure);
                visitsToday.set(null);
            } else {
                visitsToday.set(count);
            }
        }));
    }

    /** Degraded and absent devices first, then the connected ones, each in the order first heard of. */
    public ObservableList<DeviceRow> devices() {
        return attentionFirst;
    }

    /** Devices that are degraded or absent. */
    public ReadOnlyIntegerProperty needingAttentionProperty() {
        return needingAttention.getReadOnlyProperty();
    }

    /** Today's visits as last read, or {@code null} before the first read or after a failed one. */
    public ReadOnlyObjectProperty<Long> visitsTodayProperty() {
        return visitsToday.getReadOnlyProperty();
    }

    /** 全部设备工作正常, or how many devices need attention. */
    public StringBinding summary() {
        return summary;
    }

    /** This kiosk's id and its site's. */
    public StringBinding kiosk() {
        return kiosk;
    }

    public StringBinding version() {
        return version;
    }

    public StringBinding visitsTodayText() {
        return visitsTodayText;
    }

    private void add(DeviceStatus status) {
        DeviceRow row = new DeviceRow(rows.size(), status, messages, now);
        byDevice.put(status.device(), row);
        rows.add(row);
    }

    private void countProblems() {
        needingAttention.set((int) rows.stream()
                .filter(row -> row.statusProperty().get().state() != DeviceState.CONNECTED)
                .count());
    }
}
