package org.yizhan.protocol.message;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields every message a kiosk sends starts with, flat in its JSON.
 *
 * @param schema   the version of this kind of payload; {@link #SCHEMA} today. It grows when a field is
 *                 added; readers accept any value of at least 1 and ignore fields they do not know
 * @param id       a ULID, unique per message: the same message sent twice (a QoS 1 re-delivery, an outbox
 *                 replay) keeps its id, so readers can drop the copy
 * @param seq      the kiosk's sequence number over all its messages, increasing in the order they were
 *                 made (not sent); not dense, since health is never queued
 * @param ts       when the message was made, which for a replayed message is long before it arrives
 * @param replayed true when it was held in the outbox through an outage and sent afterwards
 */
public record Envelope(int schema, String id, long seq, Instant ts, boolean replayed) {

    public static final int SCHEMA = 1;

    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");

    public Envelope {
        if (schema < 1) {
            throw new IllegalArgumentException("schema must be at least 1, not " + schema);
        }
        if (id == null) {
            throw new IllegalArgumentException("id is missing");
        }
        if (!ULID.matcher(id).matches()) {
            throw new IllegalArgumentException("id is not a ULID (26 upper-case Crockford base32 characters)");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, not " + seq);
        }
        Objects.requireNonNull(ts, "ts is missing");
    }

    /**
     * A new envelope of the current schema with a fresh id, made at {@code ts} (to the millisecond: finer
     * digits would only make the JSON longer).
     */
    public static Envelope next(long seq, Instant ts) {
        return new Envelope(SCHEMA, UlidCreator.getMonotonicUlid().toString(), seq, ts.truncatedTo(ChronoUnit.MILLIS),
                false);
    }

    /** The same envelope, marked as sent after an outage. */
    public Envelope asReplayed() {
        return new Envelope(schema, id, seq, ts, true);
    }
}
