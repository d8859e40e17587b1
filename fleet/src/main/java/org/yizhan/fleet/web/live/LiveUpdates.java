package org.yizhan.fleet.web.live;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FleetListener;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.topic.KioskId;

/**
 * Tells the open pages what changed, over server-sent events ({@code GET /api/v1/live}), without flooding them.
 *
 * <p><b>Coalescing.</b> Changes from {@link FleetListener} (which may come 400 times a second from 12,600 kiosks)
 * are only collected; every {@code interval} (a second by default) one {@code change} event goes to each page
 * that cares, naming what changed since the last one, and nothing when nothing did. A page asks again for what
 * it shows, so a burst of a thousand changes costs a page one request.
 *
 * <p><b>Who hears what.</b> A stream opened with {@code ?kiosk=site/kiosk} (the kiosk page) hears only about
 * that kiosk, in every respect (summary, health, events, commands, footfall), and about alerts. Any other stream
 * hears about kiosks whose summary changed (at most {@link #NAMED} named, and how many more), alerts and
 * footfall; a health point that changes nothing else does not wake it.
 *
 * <p><b>Event data</b>, JSON: {@code {"kiosks":["pujin/kiosk-1"],"moreKiosks":0,"alerts":false,
 * "footfall":true,"health":false,"events":false,"commands":false}}; the last three only on a kiosk's stream.
 * A comment every {@link #KEEP_ALIVE} keeps proxies from closing a quiet stream and finds closed ones.
 *
 * <p><b>Threading.</b> Listener methods only add to sets and return at once. One daemon thread writes every
 * stream, so writes to a stream never interleave.
 */
public final class LiveUpdates implements FleetListener, AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final int NAMED = 100;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

    private record Stream(LiveStream out, KioskId kiosk) {
    }

    /** What changed since the last flush. */
    private static final class Pending {
        final Set<String> summaries = new TreeSet<>();
        final Set<KioskId> health = new HashSet<>();
        final Set<KioskId> events = new HashSet<>();
        final Set<KioskId> commands = new HashSet<>();
        final Set<KioskId> footfall = new HashSet<>();
        boolean alerts;

        boolean empty() {
            return summaries.isEmpty() && health.isEmpty() && events.isEmpty() && commands.isEmpty()
                    && footfall.isEmpty() && !alerts;
        }
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService writer;
    private Pending pending = new Pending();
    private long flushes;
    private final long keepAliveEvery;

    public LiveUpdates(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the live update interval must be positive, not " + interval);
        }
        this.keepAliveEvery = Math.max(1, KEEP_ALIVE.toMillis() / interval.toMillis());
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-web-live");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes a server-sent event stream of Javalin; {@code kiosk} is null for a stream about the whole fleet. */
    public void connect(SseClient sse, KioskId kiosk) {
        LiveStream stream = new LiveStream() {
            @Override
            public void send(String name, String data) {
                sse.sendEvent(name, data);
                if (sse.terminated()) {
                    throw new IllegalStateException("the browser closed the stream");
                }
            }

            @Override
            public void comment(String text) {
                sse.sendComment(text);
                if (sse.terminated()) {
                    throw new IllegalStateException("the browser closed the stream");
                }
            }

            @Override
            public void close() {
                sse.close();
            }
        };
        Stream added = connect(stream, kiosk);
        sse.onClose(() -> streams.remove(added));
        sse.keepAlive();
    }

    /** Takes a new stream; {@code kiosk} is null for a stream about the whole fleet. */
    Stream connect(LiveStream out, KioskId kiosk) {
        Stream stream = new Stream(out, kiosk);
        streams.add(stream);
        // tells the page the stream is open, so it can refresh what it may have missed while it was away
        writer.execute(() -> send(stream, "hello", "{}"));
        return stream;
    }

    /** How many streams are open. */
    public int streams() {
        return streams.size();
    }

    /** A command to the kiosk was answered or gave up waiting. */
    public void commandDone(KioskId kiosk) {
        synchronized (this) {
            pending.commands.add(kiosk);
        }
    }

    @Override
    public synchronized void kioskChanged(KioskSummary kiosk) {
        pending.summaries.add(kiosk.id().toString());
    }

    @Override
    public synchronized void healthArrived(KioskId kiosk, HealthPoint point) {
        pending.health.add(kiosk);
    }

    @Override
    public synchronized void footfallChanged(KioskId kiosk) {
        pending.footfall.add(kiosk);
    }

    @Override
    public synchronized void eventArrived(EventRecord event) {
        pending.events.add(event.kiosk());
    }

    @Override
    public synchronized void alertChanged(Alert alert) {
        pending.alerts = true;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        streams.forEach(stream -> stream.out().close());
        streams.clear();
    }

    /** Sends what collected since the last flush; on the writer thread. */
    void flush() {
        Pending changes;
        synchronized (this) {
            changes = pending;
            pending = new Pending();
        }
        boolean keepAlive = ++flushes % keepAliveEvery == 0;
        for (Stream stream : streams) {
            String data = changes.empty() ? null : stream.kiosk() == null ? fleetChange(changes)
                    : kioskChange(changes, stream.kiosk());
            if (data != null) {
                send(stream, "change", data);
            } else if (keepAlive) {
                try {
                    stream.out().comment("keep-alive");
                } catch (RuntimeException e) {
                    close(stream);
                }
            }
        }
    }

    private static String fleetChange(Pending changes) {
        boolean footfall = !changes.footfall.isEmpty();
        if (changes.summaries.isEmpty() && !changes.alerts && !footfall) {
            return null;
        }
        List<String> named = new ArrayList<>();
        for (String id : changes.summaries) {
            if (named.size() == NAMED) {
                break;
            }
            named.add(id);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kiosks", named);
        data.put("moreKiosks", changes.summaries.size() - named.size());
        data.put("alerts", changes.alerts);
        data.put("footfall", footfall);
        return json(data);
    }

    private static String kioskChange(Pending changes, KioskId kiosk) {
        boolean summary = changes.summaries.contains(kiosk.toString());
        boolean health = changes.health.contains(kiosk);
        boolean events = changes.events.contains(kiosk);
        boolean commands = changes.commands.contains(kiosk);
        boolean footfall = changes.footfall.contains(kiosk);
        if (!summary && !health && !events && !commands && !footfall && !changes.alerts) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kiosks", summary ? List.of(kiosk.toString()) : List.of());
        data.put("moreKiosks", 0);
        data.put("alerts", changes.alerts);
        data.put("footfall", footfall);
        data.put("health", health);
        data.put("events", events);
        data.put("commands", commands);
        return json(data);
    }

    private void send(Stream stream, String event, String data) {
        try {
            stream.out().send(event, data);
        } catch (RuntimeException e) {
            LOG.debug("closing a live stream that cannot be written: {}", e.toString());
            close(stream);
        }
    }

    private void close(Stream stream) {
        streams.remove(stream);
        stream.out().close();
    }

    /** The data are codes, kiosk ids, numbers and booleans: no escaping is needed beyond quotes. */
    private static String json(Map<String, Object> data) {
        StringBuilder json = new StringBuilder("{");
        data.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":");
            if (value instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
                }
                json.append(']');
            } else {
                json.append(value);
            }
        });
        return json.append('}').toString();
    }
}
