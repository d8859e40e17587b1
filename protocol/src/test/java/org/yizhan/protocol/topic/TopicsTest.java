package org.yizhan.protocol.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    private static final KioskId KIOSK = new KioskId("demo", "kiosk-1");
    private final Topics topics = Topics.of(KIOSK);

    @Test
    void builds_every_topic_of_a_kiosk_under_its_prefix() {
        assertEquals("yizhan/v1/demo/kiosk-1/state", topics.state().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/birth", topics.birth().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/health", topics.health().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/footfall", topics.footfall().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/events", topics.events().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/cmd/restart", topics.command("restart").toString());
        assertEquals("yizhan/v1/demo/kiosk-1/cmd-result", topics.commandResult().toString());
        assertEquals("yizhan/v1/demo/kiosk-1/cmd/+", topics.commandFilter());
    }

    @Test
    void gives_kiosks_client_ids_that_cannot_collide() {
        assertEquals("yizhan.demo.kiosk-1", topics.clientId());
        assertNotEquals(Topics.of(new KioskId("a-b", "c")).clientId(), Topics.of(new KioskId("a", "b-c")).clientId());
    }

    @Test
    void parses_every_topic_it_builds_back_to_the_same_kiosk_kind_and_name() {
        // given
        List<KioskTopic> built = new ArrayList<>();
        for (TopicKind kind : TopicKind.values()) {
            built.add(kind == TopicKind.COMMAND ? topics.command("config-set") : KioskTopic.of(KIOSK, kind));
        }

        for (KioskTopic topic : built) {
            // when
            TopicParse parsed = Topics.parse(topic.toString());

            // then
            assertEquals(new TopicParse.Valid(topic), parsed, topic.toString());
        }
    }

    @Test
    void parses_a_command_topic_with_its_name() {
        TopicParse.Valid valid = assertInstanceOf(TopicParse.Valid.class,
                Topics.parse("yizhan/v1/xuhui/k7/cmd/diagnostics"));

        assertEquals(new KioskId("xuhui", "k7"), valid.topic().kiosk());
        assertEquals(TopicKind.COMMAND, valid.topic().kind());
        assertEquals("diagnostics", valid.topic().commandName().orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty topic",
        "yizhan/v1/+/+/#|wildcard",
        "yizhan/v1/demo/kiosk-1/#|wildcard",
        "other/v1/demo/kiosk-1/state|not under yizhan/v1/",
        "yizhan|not under yizhan/v1/",
        "yizhan/v2/demo/kiosk-1/state|this reader knows v1",
        "yizhan/v1/demo/kiosk-1|is not yizhan/v1/{site}/{kiosk}/{kind}",
        "yizhan/v1/Demo/kiosk-1/state|site 'Demo'",
        "yizhan/v1/demo//state|kiosk is empty",
        "yizhan/v1/demo/kiosk-1/temperature|'temperature' is not a topic kind",
        "yizhan/v1/demo/kiosk-1/state/extra|has levels after state",
        "yizhan/v1/demo/kiosk-1/state/|has levels after state",
        "yizhan/v1/demo/kiosk-1/cmd|ends with the command's name",
        "yizhan/v1/demo/kiosk-1/cmd/|command name is empty",
        "yizhan/v1/demo/kiosk-1/cmd/Restart|command name 'Restart'",
        "yizhan/v1/demo/kiosk-1/cmd/restart/now|has levels after cmd/{name}",
        "/yizhan/v1/demo/kiosk-1/state|not under yizhan/v1/"})
    void rejects_topics_outside_the_contract_with_a_reason(String topic, String reason) {
        // when
        TopicParse parsed = Topics.parse(topic);

        // then
        TopicParse.Invalid invalid = assertInstanceOf(TopicParse.Invalid.class, parsed);
        assertTrue(invalid.reason().contains(reason), invalid.reason());
    }

    @Test
    void rejects_null_without_throwing() {
        assertInstanceOf(TopicParse.Invalid.class, Topics.parse(null));
    }

    @Test
    void quotes_at_most_eighty_characters_of_a_long_topic() {
        TopicParse.Invalid invalid = assertInstanceOf(TopicParse.Invalid.class,
                Topics.parse("x".repeat(10_000)));

        assertTrue(invalid.reason().length() < 200, invalid.reason());
    }

    @Test
    void offers_the_fleet_its_subscriptions() {
        assertEquals("yizhan/v1/+/+/#", Topics.ALL_KIOSKS);
        assertEquals("yizhan/v1/xuhui/+/#", Topics.siteFilter("xuhui"));
        assertEquals("yizhan/v1/+/+/health", Topics.kindFilter(TopicKind.HEALTH));
        assertEquals("yizhan/v1/+/+/cmd/+", Topics.kindFilter(TopicKind.COMMAND));
        assertEquals("$share/console/yizhan/v1/+/+/#", Topics.shared("console", Topics.ALL_KIOSKS));
        assertThrows(IllegalArgumentException.class, () -> Topics.siteFilter("+"));
        assertThrows(IllegalArgumentException.class, () -> Topics.shared("a/b", Topics.ALL_KIOSKS));
    }

    @Test
    void answers_on_the_requested_response_topic_only_under_its_own_prefix() {
        String own = "yizhan/v1/demo/kiosk-1/cmd-result";

        assertEquals(own, topics.responseTopic(null));
        assertEquals(own, topics.responseTopic(own));
        assertEquals(own, topics.responseTopic("yizhan/v1/demo/kiosk-2/cmd-result"));
        assertEquals(own, topics.responseTopic("fleet/replies/42"));
        assertEquals(own, topics.responseTopic("yizhan/v1/demo/kiosk-1/cmd/restart"));
        assertEquals(own, topics.responseTopic("yizhan/v1/demo/kiosk-1/#"));
        assertEquals("yizhan/v1/demo/kiosk-1/events", topics.responseTopic("yizhan/v1/demo/kiosk-1/events"));
    }

    @Test
    void delivers_each_kind_with_the_documented_qos_and_retain() {
        assertEquals(1, TopicKind.STATE.qos());
        assertTrue(TopicKind.STATE.retained());
        assertEquals(1, TopicKind.BIRTH.qos());
        assertTrue(TopicKind.BIRTH.retained());
        assertEquals(0, TopicKind.HEALTH.qos());
        assertFalse(TopicKind.HEALTH.retained());
        for (TopicKind kind : List.of(TopicKind.FOOTFALL, TopicKind.EVENTS, TopicKind.COMMAND,
                TopicKind.COMMAND_RESULT)) {
            assertEquals(1, kind.qos(), kind.segment());
            assertFalse(kind.retained(), kind.segment());
        }
        assertFalse(TopicKind.COMMAND.sentByKiosk());
    }

    @Test
    void refuses_a_command_name_on_other_kinds_and_requires_one_on_cmd() {
        assertThrows(IllegalArgumentException.class, () -> new KioskTopic(KIOSK, TopicKind.HEALTH, "x"));
        assertThrows(IllegalArgumentException.class, () -> new KioskTopic(KIOSK, TopicKind.COMMAND, null));
    }
}
