package org.yizhan.fleet.alert;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.status.KioskJudgement;
import org.yizhan.fleet.view.Alert;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.topic.KioskId;

/**
 * The console's alerting: evaluates the rules ({@link AlertRules}) on each kiosk change and each event, keeps the
 * alerts ({@link AlertBook}), posts them to webhooks ({@link WebhookNotifier}) and hands every change to the
 * {@link Output} (which stores it and tells the console's listeners).
 *
 * <p>Called from the ingest's delivery thread, the periodic tick and web threads (acknowledging) at the same
 * time; thread-safe. The output is called after the book's lock is released, in the order of the changes of
 * one call; it must return quickly.
 */
public final class Alerting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Alerting.class);

    /** Where changes go. */
    @FunctionalInterface
    public interface Output {
        void alertChanged(AlertChange change);
    }

    private final AlertRules rules;
    private final AlertBook book;
    private final WebhookNotifier webhooks;
    private final Output output;

    public Alerting(AlertRules rules, AlertBook book, Output output) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.book = Objects.requireNonNull(book, "book");
        this.output = Objects.requireNonNull(output, "output");
        this.webhooks = new WebhookNotifier(rules.settings().webhookTimeout());
    }

    /** Evaluates the lasting rules for a kiosk as judged at {@code now}. */
    public void evaluate(KioskFacts facts, KioskJudgement judgement, Instant now) {
        Map<AlertRule, String> causes = rules.lastingCauses(facts, judgement, now);
        publish(book.lasting(facts.id(), causes, now));
    }

    /** Evaluates the one-off rules for an event received at {@code now} (each event once: copies are the caller's). */
    public void onEvent(KioskId kiosk, Event event, Instant now) {
        rules.eventCause(event).flatMap(cause -> book.oneOff(kiosk, cause.getKey(), cause.getValue(), now))
                .ifPresent(change -> publish(List.of(change)));
    }

    public Optional<Alert> acknowledge(long id, String maintainer, Instant now) {
        List<AlertChange> changes = new ArrayList<>();
        Optional<Alert> alert = book.acknowledge(id, maintainer, now, changes);
        publish(changes);
        return alert;
    }

    public List<Alert> alerts(boolean includeAcknowledged) {
        return book.alerts(includeAcknowledged);
    }

    public long webhooksDelivered() {
        return webhooks.delivered();
    }

    public long webhooksFailed() {
        return webhooks.failed();
    }

    private void publish(List<AlertChange> changes) {
        for (AlertChange change : new ArrayList<>(changes)) {
            try {
                output.alertChanged(change);
            } catch (RuntimeException e) {
                log.error("handing on alert {} failed", change.alert().id(), e);
            }
            URI hook = AlertRule.fromCode(change.alert().rule()).map(rule -> rules.settings().webhooks().get(rule))
                    .orElse(null);
            if (hook != null && change.kind() != AlertChange.Kind.ACKNOWLEDGED) {
                webhooks.post(hook, change.alert(), change.kind() == AlertChange.Kind.CLEARED ? "cleared" : "raised");
            }
        }
    }

    @Override
    public void close() {
        webhooks.close();
    }
}
