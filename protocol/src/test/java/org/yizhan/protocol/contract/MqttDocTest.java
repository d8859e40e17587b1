package org.yizhan.protocol.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.SafeConfigKey;
import org.yizhan.protocol.homeassistant.DiscoveryMessage;
import org.yizhan.protocol.homeassistant.HomeAssistantDiscovery;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/** Keeps {@code docs/mqtt.md} true: its examples and tables are compared with the code. */
class MqttDocTest {

    private static final Path FILE = Path.of("..", "docs", "mqtt.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([a-z-]+) -->\\s*```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();
    private final PayloadCodec codec = new PayloadCodec();

    private static String doc() throws Exception {
        return Files.readString(FILE, StandardCharsets.UTF_8);
    }

    private static Map<String, String> examples() throws Exception {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(doc());
        while (m.find()) {
            examples.put(m.group(1), m.group(2));
        }
        return examples;
    }

    private static List<List<String>> table(String marker) throws Exception {
        String doc = doc();
        int start = doc.indexOf("<!-- " + marker + " -->");
        int end = doc.indexOf("<!-- /" + marker + " -->");
        assertTrue(start >= 0 && end > start, "markers " + marker + " in " + FILE);
        List<List<String>> rows = new ArrayList<>();
        for (String line : doc.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.strip().replace("`", ""));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void every_message_example_is_what_the_codec_writes() throws Exception {
        // given
        Map<String, String> documented = examples();

        for (Map.Entry<String, Message> example : ExampleMessages.all().entrySet()) {
            // when
            JsonNode written = json.readTree(codec.encode(example.getValue()));

            // then
            assertTrue(documented.containsKey(example.getKey()), "no example " + example.getKey() + " in " + FILE);
            assertEquals(written, json.readTree(documented.get(example.getKey())),
                    example.getKey() + " should read:\n" + written.toPrettyString());
        }
    }

    @Test
    void the_signed_command_example_is_what_the_signing_key_produces() throws Exception {
        // given
        String token = ExampleMessages.FLEET_KEY.sign(ExampleMessages.notice());
        String[] parts = token.split("\\.");
        Map<String, String> documented = examples();

        // then
        assertEquals(token, documented.get("jws-token").strip());
        assertEquals(json.readTree(Base64.getUrlDecoder().decode(parts[0])), json.readTree(documented.get("jws-header")));
        assertEquals(json.readTree(Base64.getUrlDecoder().decode(parts[1])), json.readTree(documented.get("jws-claims")));
    }

    @Test
    void the_home_assistant_example_is_what_discovery_produces() throws Exception {
        DiscoveryMessage cpu = new HomeAssistantDiscovery().messages(ExampleMessages.KIOSK, "驿站示范点 kiosk-1", "0.1.0", 30)
                .stream().filter(m -> m.topic().endsWith("_cpu_temperature/config")).findFirst().orElseThrow();

        assertEquals(json.readTree(cpu.payload()), json.readTree(examples().get("homeassistant-cpu")));
    }

    @Test
    void the_delivery_table_states_each_kinds_qos_and_retain() throws Exception {
        List<List<String>> rows = table("delivery-table");

        assertEquals(TopicKind.values().length, rows.size());
        for (List<String> row : rows) {
            String segment = row.get(0).replace("/{name}", "");
            TopicKind kind = TopicKind.fromSegment(segment).orElseThrow(() -> new AssertionError(segment));
            assertEquals(String.valueOf(kind.qos()), row.get(2), segment);
            assertEquals(kind.retained() ? "yes" : "no", row.get(3), segment);
        }
    }

    @Test
    void the_safe_list_is_the_one_the_verifier_enforces() throws Exception {
        List<List<String>> rows = table("safe-config-keys");

        assertEquals(SafeConfigKey.values().length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(SafeConfigKey.values()[i].key(), rows.get(i).get(0));
            assertEquals(SafeConfigKey.values()[i].description(), rows.get(i).get(1));
        }
    }
}
