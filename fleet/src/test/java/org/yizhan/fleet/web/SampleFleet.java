package org.yizhan.fleet.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FleetListener;
import org.yizhan.fleet.view.FleetOverview;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskDetail;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.view.SiteSummary;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;

/**
 * A small fleet in Shanghai, in memory, for the console's tests and screenshots: six 24-hour windows with 23
 * kiosks, 18 online, 4 degraded (hot CPU, unplugged scanner, full disk, under-voltage) and 1 lost; a day of health
 * every five minutes; a week of footfall by hour, busy with riders at night and residents in the morning; alerts open
 * and acknowledged. Deterministic for a given {@code now}. Tests change it through {@link #acknowledge},
 * {@link #changeCondition} and {@link #addFootfall}, which tell the listeners as the real ingest would.
 */
public final class SampleFleet implements FleetView {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final KioskId PUJIN_1 = KioskId.parse("pujin/kiosk-1");
    public static final KioskId PUJIN_2 = KioskId.parse("pujin/kiosk-2");
    public static final KioskId HUAMU_2 = KioskId.parse("huamu/kiosk-2");

    private static final Map<String, String> SITES = new LinkedHashMap<>();

    static {
        SITES.put("huamu", "花木 24小时驿站");
        SITES.put("lujiazui", "陆家嘴 24h 驿站");
        SITES.put("nanjingdonglu", "南京东路 24h window");
        SITES.put("pujin", "浦锦 24h window");
        SITES.put("tangqiao", "塘桥 24h window");
        SITES.put("zhangjiang", "张江 24小时驿站");
    }

    /** What the fixture knows of one kiosk. */
    private static final class Entry {
        KioskSummary summary;
        KioskState state;
        Birth birth;
        Health health;
        final List<EventRecord> events = new ArrayList<>();
        final List<HealthPoint> history = new ArrayList<>();
    }

    private final Instant now;
    private final Map<KioskId, Entry> kiosks = new TreeMap<>(Comparator.comparing(KioskId::toString));
    private final List<FootfallRow> hourly = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<FleetListener> listeners = new CopyOnWriteArrayList<>();

    private SampleFleet(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(20260302);
        kiosk(random, "huamu", "kiosk-1", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "huamu", "kiosk-2", KioskCondition.LOST, List.of("no health for 25 min (interval 30 s)"), "lost");
        kiosk(random, "huamu", "kiosk-3", KioskCondition.DEGRADED, List.of("scanner absent"), "scanner");
        kiosk(random, "lujiazui", "kiosk-1", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "lujiazui", "kiosk-2", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "lujiazui", "kiosk-3", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "lujiazui", "kiosk-4", KioskCondition.DEGRADED, List.of("under-voltage now"), "voltage");
        kiosk(random, "pujin", "kiosk-1", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "pujin", "kiosk-2", KioskCondition.DEGRADED, List.of("CPU 82.0 °C"), "hot");
        kiosk(random, "pujin", "kiosk-3", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "tangqiao", "kiosk-1", KioskCondition.ONLINE, List.of(), null);
        kiosk(random, "tangqiao", "kiosk-2", KioskCondition.DEGRADED, List.of("data disk 6.1 % free"), "disk");
        for (int i = 1; i <= 5; i++) {
            kiosk(random, "nanjingdonglu", "kiosk-" + i, KioskCondition.ONLINE, List.of(), null);
        }
        for (int i = 1; i <= 6; i++) {
            kiosk(random, "zhangjiang", "kiosk-" + i, KioskCondition.ONLINE, List.of(), null);
        }
        footfall(random);
        alert("help-button", KioskId.parse("pujin/kiosk-3"), "help button pressed (short)", 9 * 60, 9 * 60,
                "wanglei", 8 * 60 + 50);
        alert("under-voltage", KioskId.parse("lujiazui/kiosk-2"), "under-voltage since boot", 6 * 60, 5 * 60 + 40,
                "chenjing", 5 * 60);
        alert("disk-full", KioskId.parse("tangqiao/kiosk-2"), "data disk 6.1 % free (limit 10 %)", 5 * 60, -1, null, -1);
        alert("scanner-absent", KioskId.parse("huamu/kiosk-3"), "scanner absent: USB device 0c2e:0b61 removed",
                2 * 60, -1, null, -1);
        alert("under-voltage", KioskId.parse("lujiazui/kiosk-4"), "under-voltage now (4.58 V)", 50, -1, null, -1);
        alert("cpu-hot", PUJIN_2, "CPU 82.0 °C (limit 80 °C)", 35, -1, null, -1);
        alert("lost", HUAMU_2, "no health for 25 min (interval 30 s)", 24, -1, null, -1);
    }

    public static SampleFleet at(Instant now) {
        return new SampleFleet(now);
    }

    public Instant now() {
        return now;
    }

    // --- FleetView -----------------------------------------------------------------------------------------------

    @Override
    public synchronized FleetOverview overview() {
        Map<String, List<KioskSummary>> bySite = new TreeMap<>();
        int online = 0;
        int degraded = 0;
        int lost = 0;
        for (Entry entry : kiosks.values()) {
            bySite.computeIfAbsent(entry.summary.id().site(), s -> new ArrayList<>()).add(entry.summary);
            switch (entry.summary.condition()) {
                case ONLINE -> online++;
                case DEGRADED -> degraded++;
                default -> lost++;
            }
        }
        List<SiteSummary> sites = bySite.entrySet().stream()
                .map(e -> new SiteSummary(e.getKey(), SITES.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .collect(Collectors.toList());
        return new FleetOverview(online, degraded, lost, sites, alerts(false));
    }

    @Override
    public synchronized List<KioskSummary> kiosks(KioskFilter filter) {
        Comparator<KioskSummary> order = switch (filter.sort()) {
            case CONDITION -> Comparator.comparing((KioskSummary k) -> k.condition().ordinal());
            case LAST_SEEN -> Comparator.comparing(KioskSummary::lastSeen);
            case APP_VERSION -> Comparator.comparing(k -> k.appVersion() == null ? "" : k.appVersion());
            default -> Comparator.comparing(k -> k.id().toString());
        };
        order = order.thenComparing(k -> k.id().toString());
        if (filter.descending()) {
            order = order.reversed();
        }
        return kiosks.values().stream().map(e -> e.summary)
                .filter(k -> filter.condition() == null || k.condition() == filter.condition())
                .filter(k -> filter.site() == null || k.id().site().equals(filter.site()))
                .filter(k -> filter.text().isEmpty() || k.id().toString().contains(filter.text())
                        || (k.siteName() != null && k.siteName().toLowerCase(Locale.ROOT).contains(filter.text()))
                        || (k.appVersion() != null && k.appVersion().contains(filter.text())))
                .sorted(order).collect(Collectors.toList());
    }

    @Override
    public synchronized Optional<KioskDetail> kiosk(KioskId id, int recentEvents) {
        Entry entry = kiosks.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        List<EventRecord> events = entry.events.stream().limit(recentEvents).collect(Collectors.toList());
        return Optional.of(new KioskDetail(entry.summary, entry.state, entry.birth, entry.health, events));
    }

    @Override
    public synchronized List<HealthPoint> healthHistory(KioskId id, Instant from, Instant to) {
        Entry entry = kiosks.get(id);
        if (entry == null) {
            return List.of();
        }
        return entry.history.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<FootfallRow> footfall(FootfallQuery query) {
        Map<Instant, Map<String, FootfallRow>> periods = new TreeMap<>();
        for (FootfallRow row : hourly) {
            if (row.periodStart().isBefore(query.from()) || !row.periodStart().isBefore(query.to())
                    || (query.site() != null && !row.kiosk().site().equals(query.site()))
                    || (query.kiosk() != null && !row.kiosk().equals(query.kiosk()))) {
                continue;
            }
            ZonedDateTime local = row.periodStart().atZone(query.zone());
            Instant start = query.period() == FootfallQuery.Period.DAY
                    ? local.toLocalDate().atStartOfDay(query.zone()).toInstant()
                    : local.truncatedTo(ChronoUnit.HOURS).toInstant();
            periods.computeIfAbsent(start, s -> new TreeMap<>()).merge(row.kiosk().toString(),
                    new FootfallRow(start, row.kiosk(), row.counts()),
                    (a, b) -> new FootfallRow(start, a.kiosk(), a.counts().plus(b.counts())));
        }
        return periods.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toList());
    }

    @Override
    public synchronized List<Alert> alerts(boolean includeAcknowledged) {
        return alerts.stream().filter(a -> includeAcknowledged || a.open())
                .sorted(Comparator.comparing(Alert::raised).reversed()).collect(Collectors.toList());
    }

    @Override
    public Optional<Alert> acknowledge(long alertId, String maintainer) {
        Alert changed;
        synchronized (this) {
            int index = -1;
            for (int i = 0; i < alerts.size(); i++) {
                if (alerts.get(i).id() == alertId) {
                    index = i;
                }
            }
            if (index < 0) {
                return Optional.empty();
            }
            Alert alert = alerts.get(index);
            if (!alert.open()) {
                return Optional.of(alert);
            }
            changed = new Alert(alert.id(), alert.rule(), alert.kiosk(), alert.message(), alert.raised(),
                    alert.cleared(), Instant.now(), maintainer);
            alerts.set(index, changed);
        }
        listeners.forEach(listener -> listener.alertChanged(changed));
        return Optional.of(changed);
    }

    @Override
    public AutoCloseable listen(FleetListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // --- changes a test makes ------------------------------------------------------------------------------------

    /** The kiosk's condition changes, as when its health says so; the listeners hear of it. */
    public void changeCondition(KioskId id, KioskCondition condition, List<String> reasons) {
        KioskSummary changed;
        synchronized (this) {
            Entry entry = kiosks.get(id);
            KioskSummary s = entry.summary;
            changed = new KioskSummary(s.id(), s.siteName(), condition, reasons, Instant.now(), s.appVersion(),
                    s.javaVersion(), s.os(), s.devices());
            entry.summary = changed;
        }
        listeners.forEach(listener -> listener.kioskChanged(changed));
    }

    /** A health point arrives for the kiosk; the listeners hear of it. */
    public void addHealth(KioskId id, HealthPoint point) {
        synchronized (this) {
            kiosks.get(id).history.add(point);
        }
        listeners.forEach(listener -> listener.healthArrived(id, point));
    }

    /** More footfall in the kiosk's current hour; the listeners hear of it. */
    public void addFootfall(KioskId id, FootfallCounts counts) {
        synchronized (this) {
            hourly.add(new FootfallRow(Instant.now().truncatedTo(ChronoUnit.HOURS), id, counts));
        }
        listeners.forEach(listener -> listener.footfallChanged(id));
    }

    public int listeners() {
        return listeners.size();
    }

    // --- the sample ----------------------------------------------------------------------------------------------

    private void kiosk(Random random, String site, String name, KioskCondition condition, List<String> reasons,
            String trouble) {
        KioskId id = new KioskId(site, name);
        Entry entry = new Entry();
        boolean lost = "lost".equals(trouble);
        Instant lastSeen = lost ? now.minus(Duration.ofMinutes(25)) : now.minusSeconds(3 + random.nextInt(25));
        Instant connected = now.minus(Duration.ofHours(30 + random.nextInt(400)));
        long birthSeq = connected.getEpochSecond();
        String version = site.equals("huamu") || name.equals("kiosk-4") ? "0.1.0" : "0.2.0";
        boolean pi5 = random.nextBoolean();
        List<DeviceStatus> devices = new ArrayList<>();
        Instant since = connected.plusSeconds(40);
        devices.add(new DeviceStatus("scanner", "scanner".equals(trouble) ? DeviceState.ABSENT : DeviceState.CONNECTED,
                "scanner".equals(trouble) ? "USB device 0c2e:0b61 removed" : null,
                "scanner".equals(trouble) ? now.minus(Duration.ofHours(2)) : since));
        devices.add(new DeviceStatus("door", DeviceState.CONNECTED, null, since));
        devices.add(new DeviceStatus("entry-sensor", DeviceState.CONNECTED, null, since));
        devices.add(new DeviceStatus("bp-monitor", name.equals("kiosk-3") && site.equals("pujin") ? DeviceState.DEGRADED
                : DeviceState.CONNECTED, name.equals("kiosk-3") && site.equals("pujin")
                ? "cuff reported error E2 (air leak)" : null, since));
        String kernel = pi5 ? "6.6.51+rpt-rpi-2712" : "6.6.51+rpt-rpi-v8";
        entry.birth = new Birth(Envelope.next(1000, connected), birthSeq, version, "17.0.15",
                "Debian GNU/Linux 12 (bookworm)", kernel, "aarch64",
                pi5 ? "Raspberry Pi 5 Model B Rev 1.0" : "Raspberry Pi 4 Model B Rev 1.5",
                String.format(Locale.ROOT, "10000000%08x", random.nextInt()), SITES.get(site), "Asia/Shanghai", 30,
                List.of(new DeviceInfo("scanner", "qr-scanner:hid", DeviceState.CONNECTED),
                        new DeviceInfo("door", "door-relay:gpio", DeviceState.CONNECTED),
                        new DeviceInfo("entry-sensor", "entry-sensor:gpio", DeviceState.CONNECTED),
                        new DeviceInfo("bp-monitor", "blood-pressure:ble", DeviceState.CONNECTED)));
        entry.state = lost ? KioskState.will(Envelope.next(999, connected), birthSeq)
                : KioskState.online(Envelope.next(1001, connected), birthSeq);
        entry.summary = new KioskSummary(id, SITES.get(site), condition, reasons, lastSeen, version, "17.0.15",
                "Debian GNU/Linux 12 (bookworm)", devices);

        double base = 47 + random.nextDouble() * 6;
        double disk = "disk".equals(trouble) ? 7.4 : 60 + random.nextDouble() * 20;
        Instant start = now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MINUTES);
        for (Instant at = start; !at.isAfter(lastSeen); at = at.plus(Duration.ofMinutes(5))) {
            double hours = Duration.between(start, at).toMinutes() / 60.0;
            int localHour = at.atZone(SHANGHAI).getHour();
            double busy = localHour >= 11 && localHour <= 13 || localHour >= 21 || localHour <= 1 ? 1 : 0.3;
            double cpu = base + 4 * Math.sin(hours / 24 * 2 * Math.PI) + busy * 3 + random.nextGaussian() * 0.8;
            if ("hot".equals(trouble) && Duration.between(at, now).toMinutes() < 90) {
                cpu += (90 - Duration.between(at, now).toMinutes()) / 90.0 * 26;
            }
            double load = Math.max(0.05, 0.25 + busy * 0.45 + random.nextGaussian() * 0.12);
            disk -= "disk".equals(trouble) ? 0.0045 : 0.0008;
            long outbox = "voltage".equals(trouble) && hours > 20 && hours < 21.5 ? (long) (40 + random.nextInt(90))
                    : random.nextInt(12) == 0 ? 1 + random.nextInt(3) : 0;
            entry.history.add(new HealthPoint(at, round(cpu, 1), round(load, 2), round(disk, 1), outbox));
        }
        HealthPoint last = entry.history.get(entry.history.size() - 1);
        SystemReadings system = SystemReadings.builder().cpuCelsius("hot".equals(trouble) ? 82.0 : last.cpuCelsius())
                .underVoltage("voltage".equals(trouble), "voltage".equals(trouble)).throttledNow("hot".equals(trouble))
                .load(last.load1(), round(last.load1() * 0.9, 2), round(last.load1() * 0.8, 2))
                .memoryMb(pi5 ? 3796 : 1848, pi5 ? 2911 : 1122)
                .dataFree((long) (29_000 * last.dataFreePercent() / 100), last.dataFreePercent())
                .ext4Errors(0L).readOnly(false).uptimeSeconds(Duration.between(connected, now).getSeconds())
                .build();
        entry.health = new Health(Envelope.next(5000, lastSeen), 30, system, devices,
                new OutboxDepth(last.outboxRows(), last.outboxRows() * 592, 50_000L, 67_108_864L,
                        last.outboxRows() > 0 ? lastSeen.minusSeconds(20) : null),
                lastSeen.minusSeconds(40 + random.nextInt(600)), (long) (60 + random.nextInt(140)));

        event(entry, id, connected, Event.APP_STARTED, Severity.INFO, "application started (version " + version + ")",
                null, Map.of("version", version));
        if ("scanner".equals(trouble)) {
            event(entry, id, now.minus(Duration.ofHours(2)), Event.DEVICE_STATUS, Severity.ERROR,
                    "scanner is absent: USB device 0c2e:0b61 removed", "scanner",
                    Map.of("state", "absent", "error", "USB device 0c2e:0b61 removed"));
        }
        if ("hot".equals(trouble)) {
            event(entry, id, now.minus(Duration.ofMinutes(35)), Event.SYSTEM_PROBLEM, Severity.WARNING,
                    "CPU 82.0 °C", null, Map.of("problem", "cpu-hot", "value", 82.0));
        }
        if ("voltage".equals(trouble)) {
            event(entry, id, now.minus(Duration.ofMinutes(50)), Event.SYSTEM_PROBLEM, Severity.ERROR,
                    "under-voltage now (4.58 V)", null, Map.of("problem", "under-voltage-now", "value", 4.58));
        }
        if ("disk".equals(trouble)) {
            event(entry, id, now.minus(Duration.ofHours(5)), Event.SYSTEM_PROBLEM, Severity.WARNING,
                    "data disk 6.1 % free", null, Map.of("problem", "data-space-low", "value", 6.1));
        }
        if (site.equals("pujin") && name.equals("kiosk-3")) {
            event(entry, id, now.minus(Duration.ofHours(9)), Event.HELP_BUTTON, Severity.WARNING,
                    "help button pressed (short)", "help-button", Map.of("press", "short"));
            event(entry, id, now.minus(Duration.ofHours(3)), Event.DEVICE_STATUS, Severity.WARNING,
                    "bp-monitor is degraded: cuff reported error E2 (air leak)", "bp-monitor",
                    Map.of("state", "degraded", "error", "cuff reported error E2 (air leak)"));
        }
        if (name.equals("kiosk-1")) {
            event(entry, id, now.minus(Duration.ofHours(26)), Event.CONFIG_CHANGED, Severity.INFO,
                    "ui.large-text set to true", null, Map.of("key", "ui.large-text", "value", "true"));
            event(entry, id, now.minus(Duration.ofHours(4)), Event.DEVICE_STATUS, Severity.INFO,
                    "bp-monitor is connected", "bp-monitor", Map.of("state", "connected"));
        }
        entry.events.sort(Comparator.comparing((EventRecord e) -> e.event().envelope().ts()).reversed());
        kiosks.put(id, entry);
    }

    private void event(Entry entry, KioskId id, Instant at, String kind, Severity severity, String message,
            String device, Map<String, Object> details) {
        Envelope envelope = Envelope.next(2000 + entry.events.size(), at);
        Event event = new Event(envelope, kind, severity, message, device, details);
        entry.events.add(new EventRecord(id, at.plusMillis(300), event));
    }

    private void footfall(Random random) {
        Instant firstHour = now.atZone(SHANGHAI).toLocalDate().minusDays(7).atStartOfDay(SHANGHAI).toInstant();
        for (KioskId id : kiosks.keySet()) {
            double base = id.site().equals("lujiazui") ? 1.4 : id.site().equals("huamu") ? 0.8 : 1.0;
            double day = 1;
            for (Instant hour = firstHour; hour.isBefore(now); hour = hour.plus(Duration.ofHours(1))) {
                if (id.equals(HUAMU_2) && hour.isAfter(now.minus(Duration.ofMinutes(25)))) {
                    continue;
                }
                ZonedDateTime at = hour.atZone(SHANGHAI);
                int local = at.getHour();
                if (local == 0) {
                    // some days are busier: weather, a market day, an activity at the centre
                    day = 0.8 + random.nextDouble() * 0.4;
                }
                boolean weekend = at.getDayOfWeek().getValue() >= 6;
                double size = base * day;
                double riders = size * (local >= 11 && local <= 13 ? 4.5 : local >= 17 && local <= 20 ? 3.5
                        : local >= 22 || local <= 2 ? 3 : 0.8);
                double residents = size * (weekend ? 1.6 : 1) * (local >= 7 && local <= 10 ? 4
                        : local >= 14 && local <= 16 ? 2 : 0.3);
                double couriers = size * (local >= 9 && local <= 18 ? 1.2 : 0.2);
                long rider = poisson(random, riders);
                long resident = poisson(random, residents);
                long courier = poisson(random, couriers);
                long visitor = poisson(random, size * 0.4);
                long staff = local >= 8 && local <= 18 ? poisson(random, 0.2) : 0;
                long walkIn = poisson(random, size * 0.9);
                long checkIns = rider + resident + courier + visitor + staff + walkIn;
                long entries = checkIns + poisson(random, 1.2 + checkIns * 0.18);
                long rest = 0;
                long charge = 0;
                long health = 0;
                long services = 0;
                long activity = 0;
                long other = 0;
                for (long i = 0; i < checkIns; i++) {
                    double r = random.nextDouble();
                    if (i < rider) {
                        if (r < 0.55) {
                            charge++;
                        } else {
                            rest++;
                        }
                    } else if (i < rider + resident) {
                        if (r < 0.5) {
                            health++;
                        } else if (r < 0.75) {
                            activity++;
                        } else {
                            services++;
                        }
                    } else if (r < 0.5) {
                        rest++;
                    } else if (r < 0.7) {
                        charge++;
                    } else {
                        other++;
                    }
                }
                long bp = health + (resident > 0 && random.nextInt(3) == 0 ? 1 : 0);
                long weight = random.nextInt(5) == 0 ? 1 : 0;
                long temperature = random.nextInt(7) == 0 ? 1 : 0;
                Map<String, Long> categories = new LinkedHashMap<>();
                for (long i = 0; i < bp; i++) {
                    double r = random.nextDouble();
                    String category = r < 0.42 ? "normal" : r < 0.70 ? "high-normal" : r < 0.86 ? "grade-1"
                            : r < 0.93 ? "isolated-systolic" : r < 0.98 ? "grade-2" : "grade-3";
                    categories.merge("blood-pressure:" + category, 1L, Long::sum);
                }
                if (weight > 0) {
                    categories.merge("weight:" + (random.nextBoolean() ? "normal" : "overweight"), 1L, Long::sum);
                }
                if (temperature > 0) {
                    categories.merge("temperature:" + (random.nextInt(6) == 0 ? "fever" : "normal"), 1L, Long::sum);
                }
                FootfallCounts counts = new FootfallCounts(
                        Map.of("rider", rider, "resident", resident, "courier", courier, "visitor", visitor,
                                "staff", staff, FootfallCounts.WALK_IN, walkIn),
                        Map.of("rest", rest, "charge", charge, "health", health, "activity", activity,
                                "services", services, "other", other),
                        entries, Map.of("blood-pressure", bp, "weight", weight, "temperature", temperature),
                        categories);
                if (counts.checkIns() > 0 || entries > 0) {
                    hourly.add(new FootfallRow(hour, id, counts));
                }
            }
        }
    }

    private void alert(String rule, KioskId kiosk, String message, int raisedMinutesAgo, int clearedMinutesAgo,
            String acknowledgedBy, int acknowledgedMinutesAgo) {
        alerts.add(new Alert(alerts.size() + 1, rule, kiosk, message, now.minus(Duration.ofMinutes(raisedMinutesAgo)),
                clearedMinutesAgo < 0 ? null : now.minus(Duration.ofMinutes(clearedMinutesAgo)),
                acknowledgedBy == null ? null : now.minus(Duration.ofMinutes(acknowledgedMinutesAgo)), acknowledgedBy));
    }

    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long n = 0;
        while (product > limit) {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
