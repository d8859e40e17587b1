package org.yizhan.protocol.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.message.Envelope;

class FootfallTest {

    private static final Envelope ENVELOPE = Envelope.next(1, Instant.parse("2026-03-02T08:30:00Z"));
    private static final Instant QUARTER = Instant.parse("2026-03-02T08:15:00Z");

    @Test
    void a_bucket_starts_on_a_multiple_of_its_length() {
        assertEquals(QUARTER, Footfall.bucketStartOf(Instant.parse("2026-03-02T08:29:59.999Z"), 15));
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), Footfall.bucketStartOf(QUARTER, 60));
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"),
                new Footfall(ENVELOPE, QUARTER, 15, 1, FootfallCounts.NONE).bucketEnd());
    }

    @Test
    void refuses_a_start_off_the_bucket_boundary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, QUARTER.plusSeconds(60), 15, 1, FootfallCounts.NONE));
        assertTrue(e.getMessage().contains("15-minute boundary"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, QUARTER.plusMillis(1), 15, 1, FootfallCounts.NONE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -15, 7, 45, 90, 1440})
    void refuses_a_length_that_does_not_divide_an_hour(int minutes) {
        assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, Instant.parse("2026-03-02T00:00:00Z"), minutes, 1, FootfallCounts.NONE));
    }

    @Test
    void refuses_a_revision_below_one() {
        assertThrows(IllegalArgumentException.class, () -> new Footfall(ENVELOPE, QUARTER, 15, 0, FootfallCounts.NONE));
    }

    @Test
    void counts_add_up_by_code_and_leave_zeros_out() {
        // given
        FootfallCounts a = new FootfallCounts(Map.of("rider", 2L, "walk-in", 1L), Map.of("rest", 3L), 5,
                Map.of("blood-pressure", 1L));
        FootfallCounts b = new FootfallCounts(Map.of("rider", 1L, "staff", 0L), Map.of("charge", 1L), 2, Map.of());

        // when
        FootfallCounts sum = a.plus(b);

        // then
        assertEquals(Map.of("rider", 3L, "walk-in", 1L), sum.checkInsByCategory());
        assertEquals(Map.of("rest", 3L, "charge", 1L), sum.checkInsByPurpose());
        assertEquals(7, sum.entriesSensed());
        assertEquals(4, sum.checkIns());
        assertEquals(1, sum.walkIns());
        assertEquals(b, new FootfallCounts(Map.of("rider", 1L), Map.of("charge", 1L), 2, Map.of()));
    }

    @Test
    void refuses_negative_counts_and_keys_that_are_not_codes() {
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of("rider", -1L), Map.of(), 0, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of("Rider", 1L), Map.of(), 0, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of(), Map.of(), -1, Map.of()));
    }

    @Test
    void counts_measurements_by_kind_and_category_and_adds_them_up() {
        // given
        FootfallCounts a = new FootfallCounts(Map.of(), Map.of(), 0, Map.of("blood-pressure", 2L),
                Map.of("blood-pressure:grade-1", 1L, "blood-pressure:normal", 1L));
        FootfallCounts b = new FootfallCounts(Map.of(), Map.of(), 0, Map.of("blood-pressure", 1L, "weight", 1L),
                Map.of("blood-pressure:grade-1", 1L, "weight:obese", 0L));

        // when
        FootfallCounts sum = a.plus(b);

        // then
        assertEquals(Map.of("blood-pressure", 3L, "weight", 1L), sum.measurementsByKind());
        assertEquals(Map.of("blood-pressure:grade-1", 2L, "blood-pressure:normal", 1L), sum.measurementsByCategory());
    }

    @Test
    void counts_made_without_categories_have_none() {
        FootfallCounts old = new FootfallCounts(Map.of("rider", 1L), Map.of("rest", 1L), 0, Map.of("weight", 1L));

        assertEquals(Map.of(), old.measurementsByCategory());
        assertEquals(old, new FootfallCounts(Map.of("rider", 1L), Map.of("rest", 1L), 0, Map.of("weight", 1L), null));
    }

    @Test
    void a_category_key_is_a_kind_and_a_category() {
        assertEquals("blood-pressure:isolated-systolic",
                FootfallCounts.measurementCategory("blood-pressure", "isolated-systolic"));
        assertThrows(IllegalArgumentException.class,
                () -> FootfallCounts.measurementCategory("blood-pressure", "Grade 1"));
        assertThrows(IllegalArgumentException.class, () -> FootfallCounts.measurementCategory("a:b", "grade-1"));
        for (String key : new String[] {"grade-1", "blood-pressure:", ":grade-1", "blood-pressure:grade-1:x",
                "Blood-pressure:grade-1"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new FootfallCounts(Map.of(), Map.of(), 0, Map.of(), Map.of(key, 1L)), key);
        }
    }

    @Test
    void a_footfall_from_a_kiosk_that_counts_no_categories_still_decodes() throws Exception {
        // given the documented footfall as an older kiosk wrote it: without measurementsByCategory
        PayloadCodec codec = new PayloadCodec();
        Footfall current = new Footfall(ENVELOPE, QUARTER, 15, 1, new FootfallCounts(Map.of("rider", 2L),
                Map.of("rest", 2L), 3, Map.of("blood-pressure", 1L), Map.of("blood-pressure:grade-2", 1L)));
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(codec.encode(current));
        ((ObjectNode) payload.get("counts")).remove("measurementsByCategory");

        // when
        Decoding<Footfall> decoded = codec.decode(json.writeValueAsBytes(payload), Footfall.class);

        // then
        Footfall old = decoded.decoded().orElseThrow(() -> new AssertionError(decoded));
        assertEquals(Map.of("blood-pressure", 1L), old.counts().measurementsByKind());
        assertEquals(Map.of(), old.counts().measurementsByCategory());
        assertEquals(2, old.counts().checkIns());
    }

    @Test
    void a_footfall_with_categories_round_trips_and_writes_them_for_new_readers() throws Exception {
        // given
        PayloadCodec codec = new PayloadCodec();
        Footfall footfall = new Footfall(ENVELOPE, QUARTER, 15, 2, new FootfallCounts(Map.of(), Map.of(), 0,
                Map.of("blood-pressure", 2L, "temperature", 1L),
                Map.of("blood-pressure:grade-3", 1L, "blood-pressure:isolated-systolic", 1L, "temperature:fever", 1L)));

        // when
        byte[] bytes = codec.encode(footfall);
        JsonNode written = new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        Decoding<Footfall> decoded = codec.decode(bytes, Footfall.class);

        // then
        assertEquals(1, written.at("/counts/measurementsByCategory/temperature:fever").asInt());
        assertEquals(new Decoding.Decoded<>(footfall), decoded);
    }

    @Test
    void a_category_count_that_is_not_a_count_makes_the_payload_undecodable() throws Exception {
        PayloadCodec codec = new PayloadCodec();
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(codec.encode(new Footfall(ENVELOPE, QUARTER, 15, 1,
                FootfallCounts.NONE)));
        ((ObjectNode) payload.get("counts")).putObject("measurementsByCategory").put("blood-pressure:grade-1", -1);

        Decoding<Footfall> decoded = codec.decode(json.writeValueAsBytes(payload), Footfall.class);

        Decoding.Failed<?> failed = assertInstanceOf(Decoding.Failed.class, decoded);
        assertTrue(failed.reason().contains("measurementsByCategory"), failed.reason());
    }
}
