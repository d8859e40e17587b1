package org.yizhan.fleet.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;

/**
 * Judges a kiosk online, degraded or lost from its {@link KioskFacts} and the injected clock's now (see
 * {@link KioskCondition} for what each means, and {@link ConditionThresholds} for the lines drawn).
 *
 * <p><b>Lost</b> when the state kept by {@code KioskPresence} says offline (a stale will was already ignored
 * when the state was kept), or when no health arrived for {@code lostAfterIntervals} health intervals, counted
 * from the latest of: the last health, the online state of the current connection, and the moment the console
 * started watching (a console that just started has not yet had the chance to hear anyone). A kiosk heard of
 * only through a retained birth with nothing newer is judged the same way.
 *
 * <p><b>Degraded</b> when its latest health (or, before any health, its birth) shows a device absent, the data
 * disk below the free-space line, the CPU at or above the temperature line, under-voltage now, or the outbox
 * growing. Lost wins over degraded, and then only the lost reasons are given.
 *
 * <p>Pure: no I/O, thread-safe, the same answer for the same facts and instant.
 */
public final class KioskConditions {

    private final Clock clock;
    private final ConditionThresholds thresholds;

    public KioskConditions(Clock clock, ConditionThresholds thresholds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public ConditionThresholds thresholds() {
        return thresholds;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The kiosk's condition at the clock's now. */
    public KioskJudgement judge(KioskFacts facts) {
        return judge(facts, clock.instant());
    }

    public KioskJudgement judge(KioskFacts facts, Instant now) {
        if (facts.state() != null && !facts.state().online()) {
            String reason = facts.state().reason();
            return new KioskJudgement(KioskCondition.LOST, List.of("offline since " + time(facts.stateReceived())
                    + (reason == null ? "" : " (" + reason + ")")), facts.stateReceived());
        }
        Duration interval = facts.healthInterval();
        Instant heardFrom = latest(facts.healthReceived(), facts.state() == null ? null : facts.stateReceived(),
                facts.watchingSince());
        Duration allowed = interval.multipliedBy(thresholds.lostAfterIntervals());
        Instant overdue = heardFrom.plus(allowed);
        if (!now.isBefore(overdue)) {
            String what = facts.healthReceived() == null
                    ? "no health since " + time(heardFrom)
                    : "no health since " + time(facts.healthReceived());
            return new KioskJudgement(KioskCondition.LOST, List.of(what + " (" + thresholds.lostAfterIntervals()
                    + " intervals of " + interval.toSeconds() + " s)"), overdue);
        }
        List<String> reasons = degradations(facts);
        return new KioskJudgement(reasons.isEmpty() ? KioskCondition.ONLINE : KioskCondition.DEGRADED, reasons, null);
    }

    /** Why the kiosk is degraded by its latest health (or birth), whatever its presence; empty when it is not. */
    public List<String> degradations(KioskFacts facts) {
        List<String> reasons = new ArrayList<>();
        Health health = facts.health();
        Birth birth = facts.birth();
        if (health != null) {
            for (DeviceStatus device : health.devices()) {
                if (device.state() == DeviceState.ABSENT) {
                    reasons.add(device.device() + " absent" + (device.lastError() == null ? ""
                            : ": " + device.lastError()));
                }
            }
            SystemReadings system = health.system();
            if (system.dataFreePercent() != null && system.dataFreePercent() < thresholds.dataFreeLowPercent()) {
                reasons.add(String.format(Locale.ROOT, "data disk %.1f %% free", system.dataFreePercent()));
            }
            if (system.cpuCelsius() != null && system.cpuCelsius() >= thresholds.cpuHotCelsius()) {
                reasons.add(String.format(Locale.ROOT, "CPU %.1f °C", system.cpuCelsius()));
            }
            if (Boolean.TRUE.equals(system.underVoltageNow())) {
                reasons.add("under-voltage now");
            }
            outboxGrowth(facts.outboxHistory()).ifPresent(reasons::add);
        } else if (birth != null) {
            for (DeviceInfo device : birth.devices()) {
                if (device.state() == DeviceState.ABSENT) {
                    reasons.add(device.name() + " absent");
                }
            }
        }
        return reasons;
    }

    /** "outbox growing: 12 → 40 → 95 rows" when the history shows growth by the thresholds. */
    public Optional<String> outboxGrowth(List<Long> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        long latest = history.get(history.size() - 1);
        boolean rising = history.size() >= KioskFacts.OUTBOX_HISTORY && latest >= thresholds.outboxGrowingMinRows();
        for (int i = 1; rising && i < history.size(); i++) {
            rising = history.get(i) > history.get(i - 1);
        }
        if (rising) {
            StringBuilder text = new StringBuilder("outbox growing: ");
            for (int i = 0; i < history.size(); i++) {
                text.append(i == 0 ? "" : " → ").append(history.get(i));
            }
            return Optional.of(text.append(" rows").toString());
        }
        if (latest >= thresholds.outboxRowsLimit()) {
            return Optional.of("outbox " + latest + " rows (limit " + thresholds.outboxRowsLimit() + ")");
        }
        return Optional.empty();
    }

    private static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant instant : instants) {
            if (instant != null && (latest == null || instant.isAfter(latest))) {
                latest = instant;
            }
        }
        return latest;
    }

    /** An instant for a reason line: UTC to the second, e.g. {@code 2026-03-02T08:15:30Z}. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
