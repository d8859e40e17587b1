package org.yizhan.protocol.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.RejectionReason;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.TopicKind;

class AsyncApiContractTest {

    private static final AsyncApiDocument DOC = AsyncApiDocument.load();
    private static final Map<TopicKind, String> SCHEMA = Map.of(
            TopicKind.STATE, "State", TopicKind.BIRTH, "Birth", TopicKind.HEALTH, "Health",
            TopicKind.FOOTFALL, "Footfall", TopicKind.EVENTS, "Event", TopicKind.COMMAND_RESULT, "CommandResult");
    private static final Map<TopicKind, String> CHANNEL = Map.of(
            TopicKind.STATE, "state", TopicKind.BIRTH, "birth", TopicKind.HEALTH, "health",
            TopicKind.FOOTFALL, "footfall", TopicKind.EVENTS, "events", TopicKind.COMMAND, "command",
            TopicKind.COMMAND_RESULT, "commandResult");

    private final PayloadCodec codec = new PayloadCodec();
    private final ObjectMapper json = new ObjectMapper();

    /** Real payloads: the documented examples and variants with every nullable member null or odd. */
    static Stream<Arguments> payloads() {
        Envelope envelope = Envelope.next(3, Instant.parse("2026-03-02T09:00:00.123Z")).asReplayed();
        Health health = ExampleMessages.health();
        Birth birth = ExampleMessages.birth();
        Map<String, Object> nested = new HashMap<>();
        nested.put("reasons", Map.of("expired", 7, "bad-signature", 2));
        nested.put("count", 9);
        Map<String, Message> variants = new java.util.LinkedHashMap<>(ExampleMessages.all());
        variants.put("shutdown", KioskState.shutdown(envelope, 42));
        variants.put("birth off a Pi", new Birth(envelope, 42, "0.1.0", "17.0.15", "Linux", null, "amd64", null, null,
                null, null, 30, List.of()));
        variants.put("health knowing nothing", new Health(envelope, 10, SystemReadings.UNKNOWN, List.of(),
                new org.yizhan.protocol.health.OutboxDepth(0, 0, null, null, null), null, null));
        variants.put("health of an eMMC", new Health(envelope, 30, SystemReadings.builder().emmcWear(30, "warning")
                .build(), health.devices(), health.outbox(), null, 0L));
        variants.put("event without device", new Event(envelope, Event.CHECK_IN_REJECTED_BURST,
                org.yizhan.protocol.event.Severity.WARNING, "11 rejected scans in 60 s", null, nested));
        variants.put("hourly footfall", new Footfall(envelope, Instant.parse("2026-03-02T09:00:00Z"), 60, 1,
                org.yizhan.protocol.footfall.FootfallCounts.NONE));
        variants.put("rejected command", CommandResult.rejected(envelope, "restart",
                new Verification.Rejected(RejectionReason.UNSIGNED, "bare JSON", null)));
        variants.put("diagnostics result", CommandResult.ok(envelope, Command.create(ExampleMessages.KIOSK,
                new CommandArgs.Diagnostics(2), Instant.now(), Command.DEFAULT_VALIDITY), "snapshot",
                Map.of("health", Map.of("intervalSeconds", 30), "log", List.of("line 1", "line 2"))));
        assertEquals(birth.birthSeq(), ExampleMessages.BIRTH_SEQ);
        return variants.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private JsonNode encoded(Message message) throws Exception {
        return json.readTree(codec.encode(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void every_payload_the_codec_writes_is_valid_against_its_schema(String name, Message message) throws Exception {
        // given
        JsonNode payload = encoded(message);

        // when
        List<Error> errors = DOC.validate(SCHEMA.get(message.topicKind()), payload);

        // then
        assertEquals(List.of(), errors, payload.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void the_codec_writes_no_member_the_document_does_not_declare(String name, Message message) throws Exception {
        JsonNode payload = encoded(message);

        List<Error> errors = DOC.validateStrictly(SCHEMA.get(message.topicKind()), payload);

        assertEquals(List.of(), errors, payload.toString());
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                broken("no id", TopicKind.STATE, p -> p.remove("id")),
                broken("a lower-case id", TopicKind.STATE, p -> p.put("id", "01kjpststx0f8y1tbhz99dprzce")),
                broken("a negative seq", TopicKind.BIRTH, p -> p.put("seq", -1)),
                broken("ts as a number", TopicKind.HEALTH, p -> p.put("ts", 1772439300)),
                broken("ts that is no date", TopicKind.HEALTH, p -> p.put("ts", "yesterday")),
                broken("state maybe", TopicKind.STATE, p -> p.put("state", "maybe")),
                broken("birthSeq zero", TopicKind.STATE, p -> p.put("birthSeq", 0)),
                broken("a device on", TopicKind.HEALTH, p -> ((ObjectNode) p.get("devices").get(0)).put("state", "on")),
                broken("cpu as text", TopicKind.HEALTH, p -> ((ObjectNode) p.get("system")).put("cpuCelsius", "hot")),
                broken("no outbox", TopicKind.HEALTH, p -> p.remove("outbox")),
                broken("a negative count", TopicKind.FOOTFALL,
                        p -> ((ObjectNode) p.at("/counts/checkInsByCategory")).put("rider", -2)),
                broken("a category in capitals", TopicKind.FOOTFALL,
                        p -> ((ObjectNode) p.at("/counts/checkInsByCategory")).put("Rider", 2)),
                broken("a 7-minute bucket", TopicKind.FOOTFALL, p -> p.put("bucketMinutes", 7)),
                broken("a measurement category without its kind", TopicKind.FOOTFALL,
                        p -> ((ObjectNode) p.at("/counts/measurementsByCategory")).put("grade-1", 1)),
                broken("a measurement category counted zero", TopicKind.FOOTFALL,
                        p -> ((ObjectNode) p.at("/counts/measurementsByCategory")).put("weight:obese", 0)),
                broken("severity fatal", TopicKind.EVENTS, p -> p.put("severity", "fatal")),
                broken("outcome maybe", TopicKind.COMMAND_RESULT, p -> p.put("outcome", "maybe")));
    }

    private static Arguments broken(String name, TopicKind kind, Consumer<ObjectNode> breakage) {
        return Arguments.of(name, kind, breakage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void a_broken_payload_is_refused_by_the_schema(String name, TopicKind kind, Consumer<ObjectNode> breakage)
            throws Exception {
        // given a real payload of that kind, then broken
        Message example = ExampleMessages.all().values().stream().filter(m -> m.topicKind() == kind).findFirst()
                .orElseThrow();
        ObjectNode payload = (ObjectNode) encoded(example);
        assertEquals(List.of(), DOC.validate(SCHEMA.get(kind), payload));
        breakage.accept(payload);

        // when
        List<Error> errors = DOC.validate(SCHEMA.get(kind), payload);

        // then
        assertFalse(errors.isEmpty(), payload.toString());
    }

    @Test
    void a_signed_command_matches_the_jws_schema_and_its_claims_the_claims_schema() throws Exception {
        // given
        String token = ExampleMessages.FLEET_KEY.sign(ExampleMessages.notice());
        JsonNode claims = json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        // then
        assertEquals(List.of(), DOC.validate("CompactJws", new TextNode(token)));
        assertEquals(List.of(), DOC.validateStrictly("CommandClaims", claims));
        assertFalse(DOC.validate("CompactJws", new TextNode("{\"name\":\"restart\"}")).isEmpty());
        ((ObjectNode) claims).put("kiosk", "demo");
        assertFalse(DOC.validate("CommandClaims", claims).isEmpty());
    }

    @Test
    void the_examples_in_the_document_are_what_the_codec_writes() throws Exception {
        Map<String, Message> examples = ExampleMessages.all();
        int compared = 0;
        for (JsonNode message : DOC.root().at("/components/messages")) {
            for (JsonNode example : message.path("examples")) {
                String name = example.get("name").textValue();
                assertTrue(examples.containsKey(name), "unknown example " + name);
                assertEquals(encoded(examples.get(name)), example.get("payload"), name);
                compared++;
            }
        }
        assertEquals(examples.size(), compared);
    }

    @Test
    void every_topic_kind_has_a_channel_with_its_address_and_delivery() {
        for (TopicKind kind : TopicKind.values()) {
            // given
            JsonNode channel = DOC.root().at("/channels/" + CHANNEL.get(kind));
            String address = "yizhan/v1/{site}/{kiosk}/" + kind.segment() + (kind == TopicKind.COMMAND ? "/{name}" : "");

            // then
            assertEquals(address, channel.path("address").textValue(), kind.segment());
            JsonNode operation = operationOn(CHANNEL.get(kind));
            assertEquals(kind.sentByKiosk() ? "send" : "receive", operation.get("action").textValue());
            assertEquals(kind.qos(), operation.at("/bindings/mqtt/qos").intValue(), kind.segment());
            assertEquals(kind.retained(), operation.at("/bindings/mqtt/retain").booleanValue(), kind.segment());
        }
    }

    @Test
    void the_command_names_of_the_document_are_the_ones_the_kiosk_knows() {
        List<String> documented = json.convertValue(DOC.root().at("/components/parameters/name/enum"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));

        assertEquals(Stream.of(org.yizhan.protocol.command.CommandName.values())
                .map(org.yizhan.protocol.command.CommandName::code).toList(), documented);
    }

    private JsonNode operationOn(String channel) {
        for (Iterator<JsonNode> it = DOC.root().get("operations").elements(); it.hasNext();) {
            JsonNode operation = it.next();
            if (operation.at("/channel/$ref").textValue().equals("#/channels/" + channel)) {
                return operation;
            }
        }
        throw new AssertionError("no operation on channel " + channel);
    }
}
