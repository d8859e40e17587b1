package org.yizhan.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.protocol.contract.ExampleMessages;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.TopicKind;

class PayloadCodecTest {

    private static final String JSON_CHARACTERS = "{}[]\",:0-e.tfn";

    private final PayloadCodec codec = new PayloadCodec();
    private final ObjectMapper plain = new ObjectMapper();

    static Stream<Arguments> examples() {
        return ExampleMessages.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_message_comes_back_equal_from_its_topic_kind(String name, Message message) {
        // when
        byte[] json = codec.encode(message);
        Decoding<Message> decoded = codec.decode(message.topicKind(), json);

        // then
        assertEquals(new Decoding.Decoded<>(message), decoded, new String(json, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void the_envelope_is_flat_at_the_top_of_every_message(String name, Message message) throws Exception {
        JsonNode json = plain.readTree(codec.encode(message));

        assertEquals(1, json.get("schema").intValue());
        assertEquals(message.envelope().id(), json.get("id").textValue());
        assertEquals(message.envelope().seq(), json.get("seq").longValue());
        assertEquals(message.envelope().ts().toString(), json.get("ts").textValue());
        assertTrue(json.get("replayed").isBoolean());
        assertTrue(!json.has("envelope") && !json.has("topicKind"), json.toString());
    }

    @Test
    void writes_unknown_readings_as_null_not_zero() throws Exception {
        Health health = ExampleMessages.health();
        Health unknown = new Health(health.envelope(), 30, SystemReadings.UNKNOWN, List.of(), health.outbox(), null,
                null);

        JsonNode json = plain.readTree(codec.encode(unknown));

        assertTrue(json.get("system").get("cpuCelsius").isNull());
        assertTrue(json.get("lastCheckIn").isNull());
        assertEquals(unknown, codec.decode(codec.encode(unknown), Health.class).decoded().orElseThrow());
    }

    @Test
    void ignores_fields_a_later_schema_adds() throws Exception {
        // given a state from a newer kiosk
        ObjectNode json = (ObjectNode) plain.readTree(codec.encode(ExampleMessages.online()));
        json.put("schema", 3);
        json.put("network", "wifi");
        json.putObject("future").put("x", 1);

        // when
        Decoding<KioskState> decoded = codec.decode(plain.writeValueAsBytes(json), KioskState.class);

        // then
        KioskState state = decoded.decoded().orElseThrow();
        assertEquals(3, state.envelope().schema());
        assertEquals(ExampleMessages.BIRTH_SEQ, state.birthSeq());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty payload",
        "null|not a JSON object",
        "[]|not a JSON object",
        "42|not a JSON object",
        "'\"online\"'|not a JSON object",
        "{|Unexpected end-of-input",
        "{}|schema: missing or null",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"online\"}'|birthSeq: missing or null",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"maybe\",\"birthSeq\":5}'|state is online or offline",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":\"1\",\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"online\",\"birthSeq\":5}'|seq",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":1772439300,\"replayed\":false,\"state\":\"online\",\"birthSeq\":5}'|ts",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":\"yesterday\",\"replayed\":false,\"state\":\"online\",\"birthSeq\":5}'|ts",
        "'{\"schema\":1,\"id\":\"x\",\"seq\":1,\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"online\",\"birthSeq\":5}'|id is not a ULID",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"online\",\"birthSeq\":5.5}'|birthSeq",
        "'{\"schema\":1,\"id\":\"01KJPSTSX0F8Y1TBHZ99DPRZCE\",\"seq\":1,\"ts\":\"2026-03-02T08:15:00Z\",\"replayed\":false,\"state\":\"online\",\"birthSeq\":5} trailing'|Unrecognized token"})
    void turns_garbage_into_a_reason_and_never_throws(String payload, String reason) {
        // when
        Decoding<Message> decoded = codec.decode(TopicKind.STATE, utf8(payload));

        // then
        Decoding.Failed<?> failed = assertInstanceOf(Decoding.Failed.class, decoded);
        assertTrue(failed.reason().contains(reason), failed.reason());
    }

    @Test
    void names_the_nested_field_that_is_wrong() throws Exception {
        ObjectNode json = (ObjectNode) plain.readTree(codec.encode(ExampleMessages.health()));
        ((ObjectNode) json.get("devices").get(1)).put("state", "on");

        Decoding<Message> decoded = codec.decode(TopicKind.HEALTH, plain.writeValueAsBytes(json));

        Decoding.Failed<?> failed = assertInstanceOf(Decoding.Failed.class, decoded);
        assertTrue(failed.reason().startsWith("devices[1].state: "), failed.reason());
        assertTrue(failed.reason().contains("connected, degraded or absent"), failed.reason());
    }

    @Test
    void survives_deep_nesting_and_huge_numbers() {
        String deep = "{\"a\":" + "[".repeat(100_000);
        String huge = "{\"seq\":" + "9".repeat(5000) + "}";

        assertInstanceOf(Decoding.Failed.class, codec.decode(TopicKind.HEALTH, utf8(deep)));
        assertInstanceOf(Decoding.Failed.class, codec.decode(TopicKind.STATE, utf8(huge)));
    }

    @Test
    void mutated_payloads_of_every_kind_never_throw() {
        // given real payloads, and a seeded stream of byte flips, cuts and splices
        Random random = new Random(4);
        Map<String, Message> examples = ExampleMessages.all();
        int failures = 0;
        for (int round = 0; round < 3000; round++) {
            for (Message message : examples.values()) {
                byte[] bytes = codec.encode(message);
                int at = random.nextInt(bytes.length);
                switch (round % 3) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
                    default -> bytes[at] = (byte) JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
                }

                // when
                Decoding<Message> decoded = codec.decode(message.topicKind(), bytes);

                // then nothing was thrown, and a failure says why
                if (decoded instanceof Decoding.Failed<Message> failed) {
                    failures++;
                    assertTrue(!failed.reason().isBlank());
                }
            }
        }
        assertTrue(failures > 10_000, "most mutations break a payload: " + failures);
    }

    @Test
    void refuses_to_decode_commands_which_must_be_verified() {
        Decoding<Message> decoded = codec.decode(TopicKind.COMMAND, utf8("{}"));

        Decoding.Failed<?> failed = assertInstanceOf(Decoding.Failed.class, decoded);
        assertTrue(failed.reason().contains("CommandVerifier"), failed.reason());
    }

    @Test
    void marking_a_payload_replayed_changes_only_the_flag() throws Exception {
        // given
        byte[] original = codec.encode(ExampleMessages.footfall());

        // when
        byte[] replayed = codec.markReplayed(original);

        // then
        Message decoded = codec.decode(TopicKind.FOOTFALL, replayed).decoded().orElseThrow();
        assertEquals(ExampleMessages.footfall().envelope().asReplayed(), decoded.envelope());
        ObjectNode expected = (ObjectNode) plain.readTree(original);
        expected.put("replayed", true);
        assertEquals(expected, plain.readTree(replayed));
        assertEquals("[1,2]", new String(codec.markReplayed(utf8("[1,2]")), StandardCharsets.UTF_8));
    }
}
