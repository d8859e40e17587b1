package org.yizhan.fleet.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.yizhan.fleet.view.Alert;
import org.yizhan.protocol.topic.KioskId;

/**
 * The alerts in memory, and the rule that keeps at most one open alert per rule per kiosk.
 *
 * <p>For a lasting rule, per kiosk: when its cause holds and the rule's latest alert for the kiosk is not
 * cleared, nothing happens (acknowledged or not: a maintainer who acknowledged a hot CPU is not asked again
 * while it stays hot); when that alert is cleared but still open, it is reopened (no second open alert); else a
 * new alert is raised. When the cause is gone, an alert not yet cleared is cleared. For a one-off rule a new
 * alert is raised unless one for the kiosk is still open.
 *
 * <p>It holds every open alert, every alert whose cause still lasts, and the latest
 * {@value #ACKNOWLEDGED_KEPT} others. Thread-safe: every method holds the book's lock briefly; callers act on
 * the returned changes after it is released.
 */
public final class AlertBook {

    static final int ACKNOWLEDGED_KEPT = 500;

    private record Key(AlertRule rule, KioskId kiosk) {
    }

    private final TreeMap<Long, Alert> byId = new TreeMap<>();
    private final Map<Key, Long> latest = new HashMap<>();
    private long lastId;

    /** A book holding {@code loaded} (as the store gave them back), with new ids after {@code lastId}. */
    public AlertBook(List<Alert> loaded, long lastId) {
        this.lastId = lastId;
        List<Alert> oldestFirst = new ArrayList<>(loaded);
        oldestFirst.sort(Comparator.comparingLong(Alert::id));
        for (Alert alert : oldestFirst) {
            byId.put(alert.id(), alert);
            AlertRule.fromCode(alert.rule()).ifPresent(rule -> latest.put(new Key(rule, alert.kiosk()), alert.id()));
            this.lastId = Math.max(this.lastId, alert.id());
        }
    }

    /**
     * Applies the lasting rules' causes for one kiosk: {@code causes} holds the rules whose cause holds now
     * (with its line), and every other lasting rule's cause is gone.
     */
    public synchronized List<AlertChange> lasting(KioskId kiosk, Map<AlertRule, String> causes, Instant now) {
        List<AlertChange> changes = new ArrayList<>();
        for (AlertRule rule : AlertRules.lastingRules()) {
            Key key = new Key(rule, kiosk);
            Long latestId = latest.get(key);
            Alert current = latestId == null ? null : byId.get(latestId);
            String cause = causes.get(rule);
            if (cause != null) {
                if (current != null && current.cleared() == null) {
                    continue;
                }
                if (current != null && current.open()) {
                    Alert reopened = new Alert(current.id(), current.rule(), kiosk, cause, current.raised(), null, null,
                            null);
                    byId.put(reopened.id(), reopened);
                    changes.add(new AlertChange(reopened, AlertChange.Kind.REOPENED));
                } else {
                    changes.add(new AlertChange(raise(key, cause, now), AlertChange.Kind.RAISED));
                }
            } else if (current != null && current.cleared() == null) {
                Alert cleared = new Alert(current.id(), current.rule(), kiosk, current.message(), current.raised(), now,
                        current.acknowledged(), current.acknowledgedBy());
                byId.put(cleared.id(), cleared);
                changes.add(new AlertChange(cleared, AlertChange.Kind.CLEARED));
            }
        }
        if (!changes.isEmpty()) {
            trim();
        }
        return changes;
    }

    /** A one-off cause: a new alert unless the rule's latest for the kiosk is still open. */
    public synchronized Optional<AlertChange> oneOff(KioskId kiosk, AlertRule rule, String cause, Instant now) {
        Key key = new Key(rule, kiosk);
        Long latestId = latest.get(key);
        Alert current = latestId == null ? null : byId.get(latestId);
        if (current != null && current.open()) {
            return Optional.empty();
        }
        Alert raised = raise(key, cause, now);
        trim();
        return Optional.of(new AlertChange(raised, AlertChange.Kind.RAISED));
    }

    /**
     * Acknowledges an open alert, appending the change to {@code changes}; an alert already acknowledged stays as
     * it is (and nothing is appended).
     *
     * @return the alert as it is now; empty when the book holds no such alert
     */
    public synchronized Optional<Alert> acknowledge(long id, String maintainer, Instant now,
            List<AlertChange> changes) {
        Objects.requireNonNull(maintainer, "maintainer");
        Alert alert = byId.get(id);
        if (alert == null || !alert.open()) {
            return Optional.ofNullable(alert);
        }
        Alert acknowledged = new Alert(alert.id(), alert.rule(), alert.kiosk(), alert.message(), alert.raised(),
                alert.cleared(), now, maintainer);
        byId.put(id, acknowledged);
        changes.add(new AlertChange(acknowledged, AlertChange.Kind.ACKNOWLEDGED));
        trim();
        return Optional.of(acknowledged);
    }

    public synchronized Optional<Alert> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first: the open alerts, or also the acknowledged ones the book holds. */
    public synchronized List<Alert> alerts(boolean includeAcknowledged) {
        List<Alert> alerts = new ArrayList<>();
        for (Alert alert : byId.descendingMap().values()) {
            if (includeAcknowledged || alert.open()) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    private Alert raise(Key key, String cause, Instant now) {
        Alert alert = new Alert(++lastId, key.rule().code(), key.kiosk(), cause, now, null, null, null);
        byId.put(alert.id(), alert);
        latest.put(key, alert.id());
        return alert;
    }

    /** Forgets the oldest acknowledged alerts that no longer last, beyond the number kept. */
    private void trim() {
        int done = 0;
        for (Alert alert : byId.values()) {
            if (finished(alert)) {
                done++;
            }
        }
        if (done <= ACKNOWLEDGED_KEPT) {
            return;
        }
        List<Long> forget = new ArrayList<>();
        for (Alert alert : byId.values()) {
            if (done - forget.size() <= ACKNOWLEDGED_KEPT) {
                break;
            }
            if (finished(alert)) {
                forget.add(alert.id());
            }
        }
        for (Long id : forget) {
            Alert alert = byId.remove(id);
            AlertRule.fromCode(alert.rule()).ifPresent(rule -> latest.remove(new Key(rule, alert.kiosk()), id));
        }
    }

    private static boolean finished(Alert alert) {
        boolean lasting = AlertRule.fromCode(alert.rule()).map(AlertRule::lasting).orElse(false);
        return !alert.open() && (!lasting || alert.cleared() != null);
    }
}
