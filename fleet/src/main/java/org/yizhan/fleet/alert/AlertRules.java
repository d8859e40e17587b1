package org.yizhan.fleet.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.status.KioskJudgement;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;

/**
 * What each rule sees in a kiosk's facts or in an event: the cause, as the one line the alert will carry, or
 * nothing. Pure and thread-safe.
 *
 * <p>Lasting rules other than {@code lost} read the latest health, so a kiosk that went silent keeps the alerts
 * its last health justified until a health says otherwise. The scanner is the device whose birth kind is
 * {@value #SCANNER_KIND} (e.g. {@code qr-scanner:hid}); before a birth, the device named {@value #SCANNER_NAME},
 * the kiosk's default name for it.
 */
public final class AlertRules {

    public static final String SCANNER_KIND = "qr-scanner";
    public static final String SCANNER_NAME = "scanner";

    private final AlertSettings settings;
    private final KioskConditions conditions;

    public AlertRules(AlertSettings settings, KioskConditions conditions) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
    }

    public AlertSettings settings() {
        return settings;
    }

    /** The cause of every lasting rule that holds now, by rule; rules that are off are left out. */
    public Map<AlertRule, String> lastingCauses(KioskFacts facts, KioskJudgement judgement, Instant now) {
        Map<AlertRule, String> causes = new EnumMap<>(AlertRule.class);
        if (judgement.condition() == KioskCondition.LOST
                && Duration.between(judgement.lostSince(), now).compareTo(settings.lostAfter()) >= 0) {
            causes.put(AlertRule.LOST, "lost since " + time(judgement.lostSince()) + ": "
                    + String.join("; ", judgement.reasons()));
        }
        if (facts.health() != null) {
            SystemReadings system = facts.health().system();
            if (system.cpuCelsius() != null && system.cpuCelsius() >= settings.cpuHotCelsius()) {
                causes.put(AlertRule.CPU_HOT, String.format(Locale.ROOT, "CPU %.1f °C (limit %s °C)",
                        system.cpuCelsius(), number(settings.cpuHotCelsius())));
            }
            if (Boolean.TRUE.equals(system.underVoltageNow())) {
                causes.put(AlertRule.UNDER_VOLTAGE, "under-voltage now (supply below 4.63 V)");
            }
            if (system.dataFreePercent() != null && 100 - system.dataFreePercent() >= settings.diskUsedPercent()) {
                causes.put(AlertRule.DISK_FULL, String.format(Locale.ROOT, "data disk %.1f %% used (limit %s %%)",
                        100 - system.dataFreePercent(), number(settings.diskUsedPercent())));
            }
            conditions.outboxGrowth(facts.outboxHistory()).ifPresent(growth ->
                    causes.put(AlertRule.OUTBOX_GROWING, growth));
            Set<String> scanners = scannerNames(facts);
            for (DeviceStatus device : facts.health().devices()) {
                if (scanners.contains(device.device()) && device.state() == DeviceState.ABSENT) {
                    causes.put(AlertRule.SCANNER_ABSENT, device.device() + " absent since " + time(device.since())
                            + (device.lastError() == null ? "" : ": " + device.lastError()));
                    break;
                }
            }
        } else if (facts.birth() != null) {
            for (DeviceInfo device : facts.birth().devices()) {
                if (isScanner(device) && device.state() == DeviceState.ABSENT) {
                    causes.put(AlertRule.SCANNER_ABSENT, device.name() + " absent at connect");
                    break;
                }
            }
        }
        causes.keySet().removeIf(rule -> !settings.enabled(rule));
        return causes;
    }

    /** The one-off rule an event triggers, with its cause; empty for other events or when the rule is off. */
    public Optional<Map.Entry<AlertRule, String>> eventCause(Event event) {
        AlertRule rule;
        String cause;
        if (Event.CRISIS_READING.equals(event.kind())) {
            rule = AlertRule.CRISIS_READING;
            Object grade = event.details().get("grade");
            cause = "crisis reading" + (grade == null ? "" : " (" + grade + ")");
        } else if (Event.HELP_BUTTON.equals(event.kind())) {
            rule = AlertRule.HELP_BUTTON;
            Object press = event.details().get("press");
            cause = "help button pressed" + (press == null ? "" : " (" + press + ")");
        } else {
            return Optional.empty();
        }
        if (!settings.enabled(rule)) {
            return Optional.empty();
        }
        // a replayed event is history: say when it happened, so nobody runs to an empty window
        cause += " at " + time(event.envelope().ts()) + (event.envelope().replayed() ? ", sent late after an outage"
                : "");
        return Optional.of(Map.entry(rule, cause));
    }

    private static Set<String> scannerNames(KioskFacts facts) {
        Set<String> names = new HashSet<>();
        if (facts.birth() != null) {
            for (DeviceInfo device : facts.birth().devices()) {
                if (isScanner(device)) {
                    names.add(device.name());
                }
            }
        }
        if (names.isEmpty()) {
            names.add(SCANNER_NAME);
        }
        return names;
    }

    private static boolean isScanner(DeviceInfo device) {
        return device.kind().equals(SCANNER_KIND) || device.kind().startsWith(SCANNER_KIND + ":");
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The lasting rules, for callers that walk them. */
    public static List<AlertRule> lastingRules() {
        return List.of(AlertRule.LOST, AlertRule.CPU_HOT, AlertRule.UNDER_VOLTAGE, AlertRule.DISK_FULL,
                AlertRule.OUTBOX_GROWING, AlertRule.SCANNER_ABSENT);
    }
}
