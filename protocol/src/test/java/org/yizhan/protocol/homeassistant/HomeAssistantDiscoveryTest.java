package org.yizhan.protocol.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.contract.ExampleMessages;
import org.yizhan.protocol.topic.KioskId;

class HomeAssistantDiscoveryTest {

    private static final KioskId KIOSK = ExampleMessages.KIOSK;

    private final ObjectMapper json = new ObjectMapper();
    private final List<DiscoveryMessage> messages = new HomeAssistantDiscovery().messages(KIOSK,
            "驿站示范点 kiosk-1", "0.1.0", 30);

    private Map<String, JsonNode> byTopic() {
        return messages.stream().collect(Collectors.toMap(DiscoveryMessage::topic, m -> {
            try {
                return json.readTree(m.payload());
            } catch (Exception e) {
                throw new AssertionError(m.payload(), e);
            }
        }));
    }

    @Test
    void announces_online_state_visits_today_cpu_temperature_and_scanner() {
        assertEquals(List.of(
                "homeassistant/binary_sensor/yizhan_demo_kiosk-1_online/config",
                "homeassistant/sensor/yizhan_demo_kiosk-1_visits_today/config",
                "homeassistant/sensor/yizhan_demo_kiosk-1_cpu_temperature/config",
                "homeassistant/sensor/yizhan_demo_kiosk-1_scanner/config"),
                messages.stream().map(DiscoveryMessage::topic).toList());
    }

    @Test
    void every_entity_belongs_to_one_device_and_is_unique() {
        for (JsonNode config : byTopic().values()) {
            assertEquals("yizhan_demo_kiosk-1", config.at("/device/identifiers/0").textValue());
            assertEquals("0.1.0", config.at("/device/sw_version").textValue());
            assertTrue(config.get("unique_id").textValue().startsWith("yizhan_demo_kiosk-1_"));
        }
        assertEquals(4, byTopic().values().stream().map(c -> c.get("unique_id")).distinct().count());
    }

    @Test
    void reads_the_kiosks_own_topics_and_goes_unavailable_with_the_kiosk() {
        Map<String, JsonNode> configs = byTopic();
        JsonNode online = configs.get("homeassistant/binary_sensor/yizhan_demo_kiosk-1_online/config");
        JsonNode cpu = configs.get("homeassistant/sensor/yizhan_demo_kiosk-1_cpu_temperature/config");

        assertEquals("yizhan/v1/demo/kiosk-1/state", online.get("state_topic").textValue());
        assertEquals("connectivity", online.get("device_class").textValue());
        assertFalse(online.has("availability"), "the connectivity sensor itself must show offline");
        assertEquals("yizhan/v1/demo/kiosk-1/health", cpu.get("state_topic").textValue());
        assertEquals("yizhan/v1/demo/kiosk-1/state", cpu.at("/availability/0/topic").textValue());
        assertEquals(60, cpu.get("expire_after").intValue(), "two health intervals");
        assertEquals("°C", cpu.get("unit_of_measurement").textValue());
    }

    @Test
    void the_templates_name_fields_the_codec_really_writes() throws Exception {
        // given the real payloads the templates will see
        PayloadCodec codec = new PayloadCodec();
        JsonNode health = json.readTree(codec.encode(ExampleMessages.health()));
        JsonNode state = json.readTree(codec.encode(ExampleMessages.online()));
        Pattern field = Pattern.compile("value_json((?:\\.[A-Za-z]+)+)");

        for (JsonNode config : byTopic().values()) {
            JsonNode payload = config.get("state_topic").textValue().endsWith("/state") ? state : health;
            Matcher m = field.matcher(config.get("value_template").textValue());
            assertTrue(m.find(), config.get("value_template").textValue());

            // when the template's path is followed in the payload
            JsonNode value = payload.at(m.group(1).replace('.', '/'));

            // then it is there
            assertFalse(value.isMissingNode(), m.group(1) + " in " + payload);
        }
        assertTrue(health.get("devices").findValuesAsText("device").contains(HomeAssistantDiscovery.SCANNER));
    }

    @Test
    void removal_sends_empty_retained_payloads_to_the_same_topics() {
        List<DiscoveryMessage> removals = new HomeAssistantDiscovery().removals(KIOSK);

        assertEquals(messages.stream().map(DiscoveryMessage::topic).toList(),
                removals.stream().map(DiscoveryMessage::topic).toList());
        assertTrue(removals.stream().allMatch(m -> m.payload().isEmpty()));
    }

    @Test
    void a_custom_prefix_is_honoured() {
        assertTrue(new HomeAssistantDiscovery("ha").messages(KIOSK, "k", "0.1.0", 30).get(0).topic()
                .startsWith("ha/binary_sensor/"));
    }
}
