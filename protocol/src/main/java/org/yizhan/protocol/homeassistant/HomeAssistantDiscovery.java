package org.yizhan.protocol.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;

/**
 * Home Assistant MQTT discovery for one kiosk: four entities that read the kiosk's own topics, so nothing
 * is published twice. Online state is a connectivity binary sensor on the retained {@code state}; visits
 * today, CPU temperature and scanner status are sensors on {@code health}. Every entity is unavailable
 * while the kiosk is offline, and the health sensors also when no health arrived for two intervals, the
 * same rule the fleet uses to call a kiosk lost.
 *
 * <p>Object ids are {@code yizhan_{site}_{kiosk}_{entity}}; site and kiosk ids are already safe for them.
 * Pure: the same kiosk gives the same messages.
 */
public final class HomeAssistantDiscovery {

    public static final String DEFAULT_PREFIX = "homeassistant";
    /** The device name the scanner has in health's device list. */
    public static final String SCANNER = "scanner";

    private static final ObjectMapper JSON = ProtocolJson.newMapper();

    private final String prefix;

    public HomeAssistantDiscovery(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    public HomeAssistantDiscovery() {
        this(DEFAULT_PREFIX);
    }

    /**
     * The discovery messages for {@code kiosk}.
     *
     * @param displayName           what Home Assistant calls the device, e.g. the site's name and kiosk
     * @param appVersion            shown as the device's software version
     * @param healthIntervalSeconds the kiosk's health interval; the health sensors expire after two
     */
    public List<DiscoveryMessage> messages(KioskId kiosk, String displayName, String appVersion,
            int healthIntervalSeconds) {
        Topics topics = Topics.of(kiosk);
        String state = topics.state().toString();
        String health = topics.health().toString();
        int expireAfter = 2 * healthIntervalSeconds;
        List<DiscoveryMessage> messages = new ArrayList<>();

        ObjectNode online = entity(kiosk, "online", "Online", displayName, appVersion);
        online.put("state_topic", state);
        online.put("value_template", "{{ value_json.state }}");
        online.put("payload_on", "online");
        online.put("payload_off", "offline");
        online.put("device_class", "connectivity");
        online.put("entity_category", "diagnostic");
        online.remove("availability");
        messages.add(message("binary_sensor", kiosk, "online", online));

        ObjectNode visits = entity(kiosk, "visits_today", "Visits today", displayName, appVersion);
        visits.put("state_topic", health);
        visits.put("value_template", "{{ value_json.checkInsToday }}");
        visits.put("state_class", "total_increasing");
        visits.put("unit_of_measurement", "visits");
        visits.put("icon", "mdi:account-multiple-check");
        visits.put("expire_after", expireAfter);
        messages.add(message("sensor", kiosk, "visits_today", visits));

        ObjectNode cpu = entity(kiosk, "cpu_temperature", "CPU temperature", displayName, appVersion);
        cpu.put("state_topic", health);
        cpu.put("value_template", "{{ value_json.system.cpuCelsius }}");
        cpu.put("device_class", "temperature");
        cpu.put("state_class", "measurement");
        cpu.put("unit_of_measurement", "°C");
        cpu.put("entity_category", "diagnostic");
        cpu.put("expire_after", expireAfter);
        messages.add(message("sensor", kiosk, "cpu_temperature", cpu));

        ObjectNode scanner = entity(kiosk, "scanner", "Scanner", displayName, appVersion);
        scanner.put("state_topic", health);
        // A scanner missing from the list is as good as absent; a JSON null renders as None, which Home
        // Assistant shows as unknown.
        scanner.put("value_template", "{% set d = value_json.devices | selectattr('device', 'eq', '" + SCANNER
                + "') | first %}{{ d.state if d else 'absent' }}");
        scanner.put("device_class", "enum");
        scanner.putArray("options").add("connected").add("degraded").add("absent");
        scanner.put("icon", "mdi:qrcode-scan");
        scanner.put("entity_category", "diagnostic");
        scanner.put("expire_after", expireAfter);
        messages.add(message("sensor", kiosk, "scanner", scanner));
        return List.copyOf(messages);
    }

    /** Empty retained payloads on the same topics: Home Assistant removes the entities. */
    public List<DiscoveryMessage> removals(KioskId kiosk) {
        return messages(kiosk, "", "", 1).stream().map(m -> new DiscoveryMessage(m.topic(), "")).toList();
    }

    private ObjectNode entity(KioskId kiosk, String entity, String name, String displayName, String appVersion) {
        String node = nodeId(kiosk);
        ObjectNode config = JSON.createObjectNode();
        config.put("name", name);
        config.put("unique_id", node + "_" + entity);
        config.put("object_id", node + "_" + entity);
        ObjectNode availability = config.putArray("availability").addObject();
        availability.put("topic", Topics.of(kiosk).state().toString());
        availability.put("value_template", "{{ value_json.state }}");
        availability.put("payload_available", "online");
        availability.put("payload_not_available", "offline");
        ObjectNode device = config.putObject("device");
        device.putArray("identifiers").add(node);
        device.put("name", displayName);
        device.put("manufacturer", "Yizhan");
        device.put("model", "Self-service kiosk");
        device.put("sw_version", appVersion);
        return config;
    }

    private DiscoveryMessage message(String component, KioskId kiosk, String entity, ObjectNode config) {
        try {
            return new DiscoveryMessage(prefix + "/" + component + "/" + nodeId(kiosk) + "_" + entity + "/config",
                    JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    private static String nodeId(KioskId kiosk) {
        return "yizhan_" + kiosk.site() + "_" + kiosk.kiosk();
    }
}
