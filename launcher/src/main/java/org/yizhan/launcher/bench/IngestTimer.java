package org.yizhan.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.FleetConnector;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.connection.Subscription;
import org.yizhan.fleet.connection.SubscriptionListener;

/**
 * Times the console's ingest from outside it, message by message, by wrapping the connector its back end is given.
 * For every message that arrives while {@link #record recording} it takes, from the client library's delivery
 * ({@link IncomingMessage#arrivedNanos}):
 * <ul>
 *   <li><b>visible</b>: until the ingest's listener returned, which it does once the kiosk's facts are updated and
 *       the view answers with them (the console's own "visible" figure, over every message of the window rather
 *       than its latest 4,096);</li>
 *   <li><b>acknowledged</b>, QoS 1 messages only: until the ingest hands over the PUBACK, which it does after the
 *       store committed the message;</li>
 *   <li><b>end to end</b>: from the time the kiosk made the message (its envelope's {@code ts}, on the same
 *       machine's clock) until it was visible, apart for QoS 0 (health) and QoS 1 (the rest): what a maintainer
 *       waits, mosquitto's queue for the console included. Milliseconds, as the envelope has them. Messages made
 *       long before (a will carries its connect's time, a retained message or an outbox replay their own) would
 *       count their age; a steady run sends none.</li>
 * </ul>
 * Thread-safe; what it adds to each message is a few clock reads, a search for {@code "ts":"} in the payload and
 * array slots.
 */
final class IngestTimer implements FleetConnector {

    private static final String TS = "\"ts\":\"";

    private final FleetConnector connector;
    private final Samples visible = new Samples();
    private final Samples acknowledged = new Samples();
    private final Samples endToEndQos0 = new Samples();
    private final Samples endToEndQos1 = new Samples();
    private volatile boolean recording;

    IngestTimer(FleetConnector connector) {
        this.connector = connector;
    }

    /** Starts or stops taking samples; what was taken is kept. */
    void record(boolean on) {
        recording = on;
    }

    /** Nanoseconds from delivery to the view, for each message of the recording. */
    long[] visible() {
        return visible.all();
    }

    /** Nanoseconds from delivery to the PUBACK after the commit, for each QoS 1 message of the recording. */
    long[] acknowledged() {
        return acknowledged.all();
    }

    /** Nanoseconds from the kiosk's envelope time to the view, for each message of the recording of {@code qos}. */
    long[] endToEnd(int qos) {
        return (qos == 0 ? endToEndQos0 : endToEndQos1).all();
    }

    @Override
    public FleetConnection connect(FleetConnectionSettings settings, SubscriptionListener sessionListener) {
        FleetConnection connection = connector.connect(settings,
                sessionListener == null ? null : timed(sessionListener));
        return new FleetConnection() {
            @Override
            public CompletionStage<Void> publish(OutgoingMessage message) {
                return connection.publish(message);
            }

            @Override
            public CompletionStage<Subscription> subscribe(String filter, SubscriptionListener listener) {
                return connection.subscribe(filter, timed(listener));
            }

            @Override
            public String url() {
                return connection.url();
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private SubscriptionListener timed(SubscriptionListener listener) {
        return new SubscriptionListener() {
            @Override
            public void messageArrived(IncomingMessage message) {
                if (!recording) {
                    listener.messageArrived(message);
                    return;
                }
                IncomingMessage timed = message;
                if (message.acknowledgement() != null) {
                    long arrived = message.arrivedNanos();
                    timed = new IncomingMessage(message.topic(), message.payload(), message.retained(),
                            message.responseTopic(), message.correlationData(), arrived, () -> {
                                acknowledged.add(System.nanoTime() - arrived);
                                message.acknowledge();
                            });
                }
                listener.messageArrived(timed);
                visible.add(System.nanoTime() - message.arrivedNanos());
                Instant made = madeAt(message.payload());
                if (made != null) {
                    Duration waited = Duration.between(made, Instant.now());
                    (message.acknowledgement() == null ? endToEndQos0 : endToEndQos1).add(waited.toNanos());
                }
            }

            @Override
            public void connectionLost(String reason) {
                listener.connectionLost(reason);
            }
        };
    }

    /** The envelope's {@code ts}: the first {@code "ts":"…"} of the payload, where the codec writes it; or null. */
    private static Instant madeAt(byte[] payload) {
        // one byte a character, so that positions are the payload's; the envelope comes first and is ASCII
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        int start = text.indexOf(TS);
        int end = start < 0 ? -1 : text.indexOf('"', start + TS.length());
        if (end < 0) {
            return null;
        }
        try {
            return Instant.parse(text.substring(start + TS.length(), end));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A growing list of nanosecond samples. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] all() {
            return Arrays.copyOf(values, size);
        }
    }
}
