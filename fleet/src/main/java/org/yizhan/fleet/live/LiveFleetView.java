package org.yizhan.fleet.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.yizhan.fleet.alert.Alerting;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.store.FleetStore;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.FleetListener;
import org.yizhan.fleet.view.FleetOverview;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskDetail;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.view.SiteSummary;
import org.yizhan.protocol.topic.KioskId;

/**
 * The {@link FleetView} the console answers from. Kiosks, their latest messages and their conditions come from
 * memory ({@link FleetState}, judged at the time of the call with {@link KioskConditions}), so an answer
 * includes a message the moment it was decoded; alerts come from memory too ({@link Alerting}). Health history,
 * footfall and events come from the store, which holds what the writer committed (at most a batch, a quarter of
 * a second by default, behind).
 */
public final class LiveFleetView implements FleetView {

    private static final Comparator<KioskId> BY_ID = Comparator.comparing(KioskId::site).thenComparing(KioskId::kiosk);

    private final FleetState state;
    private final KioskConditions conditions;
    private final Alerting alerting;
    private final FleetStore store;
    private final Listeners listeners;

    public LiveFleetView(FleetState state, KioskConditions conditions, Alerting alerting, FleetStore store,
            Listeners listeners) {
        this.state = Objects.requireNonNull(state, "state");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.alerting = Objects.requireNonNull(alerting, "alerting");
        this.store = Objects.requireNonNull(store, "store");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    @Override
    public FleetOverview overview() {
        List<KioskSummary> all = summaries();
        int online = 0;
        int degraded = 0;
        int lost = 0;
        Map<String, List<KioskSummary>> bySite = new TreeMap<>();
        for (KioskSummary kiosk : all) {
            switch (kiosk.condition()) {
                case ONLINE -> online++;
                case DEGRADED -> degraded++;
                case LOST -> lost++;
            }
            bySite.computeIfAbsent(kiosk.id().site(), s -> new ArrayList<>()).add(kiosk);
        }
        List<SiteSummary> sites = new ArrayList<>();
        bySite.forEach((site, kiosks) -> {
            kiosks.sort(Comparator.comparing(KioskSummary::id, BY_ID));
            String name = kiosks.stream().map(KioskSummary::siteName).filter(Objects::nonNull).findFirst().orElse(site);
            sites.add(new SiteSummary(site, name, kiosks));
        });
        return new FleetOverview(online, degraded, lost, sites, alerting.alerts(false));
    }

    @Override
    public List<KioskSummary> kiosks(KioskFilter filter) {
        List<KioskSummary> kept = new ArrayList<>();
        for (KioskSummary kiosk : summaries()) {
            if (filter.condition() != null && kiosk.condition() != filter.condition()) {
                continue;
            }
            if (filter.site() != null && !kiosk.id().site().equals(filter.site())) {
                continue;
            }
            if (!filter.text().isEmpty() && !matches(kiosk, filter.text())) {
                continue;
            }
            kept.add(kiosk);
        }
        Comparator<KioskSummary> byId = Comparator.comparing(KioskSummary::id, BY_ID);
        Comparator<KioskSummary> order = switch (filter.sort()) {
            case ID -> byId;
            case CONDITION -> Comparator.comparing(KioskSummary::condition).thenComparing(byId);
            case LAST_SEEN -> Comparator.comparing(KioskSummary::lastSeen).thenComparing(byId);
            case APP_VERSION -> Comparator.comparing(KioskSummary::appVersion,
                    Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(byId);
        };
        kept.sort(filter.descending() ? order.reversed() : order);
        return kept;
    }

    private static boolean matches(KioskSummary kiosk, String text) {
        return kiosk.id().toString().contains(text)
                || (kiosk.siteName() != null && kiosk.siteName().toLowerCase(Locale.ROOT).contains(text))
                || (kiosk.appVersion() != null && kiosk.appVersion().toLowerCase(Locale.ROOT).contains(text));
    }

    @Override
    public Optional<KioskDetail> kiosk(KioskId id, int recentEvents) {
        return state.get(id).map(facts -> new KioskDetail(Summaries.summary(facts, conditions.judge(facts)),
                facts.state(), facts.birth(), facts.health(), store.recentEvents(id, recentEvents)));
    }

    @Override
    public List<HealthPoint> healthHistory(KioskId id, Instant from, Instant to) {
        return store.healthHistory(id, from, to);
    }

    @Override
    public List<FootfallRow> footfall(FootfallQuery query) {
        return store.footfall(query);
    }

    @Override
    public List<Alert> alerts(boolean includeAcknowledged) {
        return alerting.alerts(includeAcknowledged);
    }

    @Override
    public Optional<Alert> acknowledge(long alertId, String maintainer) {
        return alerting.acknowledge(alertId, maintainer, conditions.now());
    }

    @Override
    public AutoCloseable listen(FleetListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private List<KioskSummary> summaries() {
        Instant now = conditions.now();
        List<KioskSummary> all = new ArrayList<>();
        for (KioskFacts facts : state.all()) {
            all.add(Summaries.summary(facts, conditions.judge(facts, now)));
        }
        return all;
    }
}
