package org.yizhan.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00.123456789Z");

    @Test
    void a_new_envelope_has_the_current_schema_a_fresh_ulid_and_millisecond_time() {
        // when
        Envelope first = Envelope.next(7, NOW);
        Envelope second = Envelope.next(8, NOW);

        // then
        assertEquals(Envelope.SCHEMA, first.schema());
        assertEquals(26, first.id().length());
        assertNotEquals(first.id(), second.id());
        assertTrue(first.id().compareTo(second.id()) < 0, "monotonic ids sort in the order they were made");
        assertEquals(Instant.parse("2026-03-02T08:15:00.123Z"), first.ts());
        assertFalse(first.replayed());
    }

    @Test
    void replaying_keeps_id_seq_and_time() {
        Envelope original = Envelope.next(7, NOW);

        Envelope replayed = original.asReplayed();

        assertEquals(new Envelope(original.schema(), original.id(), 7, original.ts(), true), replayed);
    }

    @Test
    void refuses_values_a_reader_could_not_trust() {
        String id = "01KJPSTSX0F8Y1TBHZ99DPRZCE";
        assertThrows(IllegalArgumentException.class, () -> new Envelope(0, id, 1, NOW, false));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(1, "not-a-ulid", 1, NOW, false));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(1, id.toLowerCase(), 1, NOW, false));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(1, "81KJPSTSX0F8Y1TBHZ99DPRZCE", 1, NOW, false));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(1, null, 1, NOW, false));
        assertThrows(IllegalArgumentException.class, () -> new Envelope(1, id, -1, NOW, false));
        assertThrows(NullPointerException.class, () -> new Envelope(1, id, 1, null, false));
    }
}
