package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi.yaml describes exactly the routes the server registers, and the server serves it. */
class OpenApiTest {

    private static TestConsole console;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        console = TestConsole.start();
        try (InputStream in = FleetWebServer.class.getResourceAsStream("openapi.yaml")) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void every_route_the_server_registers_is_described() {
        Set<String> described = described();
        Set<String> missing = new TreeSet<>();
        for (FleetWebServer.Route route : console.server.routes()) {
            String key = route.method() + " " + route.path();
            if (!described.contains(key)) {
                missing.add(key);
            }
        }

        assertTrue(missing.isEmpty(), "routes missing from openapi.yaml: " + missing);
        assertTrue(console.server.routes().size() > 20, "routes seen: " + console.server.routes());
    }

    @Test
    void every_described_operation_is_a_route_of_the_server() {
        Set<String> registered = new TreeSet<>();
        console.server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));
        Set<String> extra = new TreeSet<>(described());
        extra.removeAll(registered);

        assertTrue(extra.isEmpty(), "openapi.yaml describes what the server does not have: " + extra);
    }

    @Test
    void the_document_is_served_as_written_to_a_logged_in_client() throws Exception {
        HttpResponse<String> response = console.loggedIn().get("/api/v1/openapi.yaml");

        assertEquals(200, response.statusCode());
        assertEquals("3.0.3", new ObjectMapper(new YAMLFactory()).readTree(response.body()).get("openapi").asText());
    }

    @Test
    void every_reference_points_at_a_component_that_exists() {
        Set<String> broken = new TreeSet<>();
        collectBrokenReferences(document, broken);

        assertTrue(broken.isEmpty(), "dangling $ref: " + broken);
    }

    private static Set<String> described() {
        Set<String> operations = new TreeSet<>();
        Iterator<String> paths = document.get("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            document.get("paths").get(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete", "head").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            });
        }
        return operations;
    }

    private static void collectBrokenReferences(JsonNode node, Set<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String[] parts = ref.asText().substring(2).split("/");
                JsonNode target = document;
                for (String part : parts) {
                    target = target == null ? null : target.get(part);
                }
                if (target == null) {
                    broken.add(ref.asText());
                }
            }
            node.elements().forEachRemaining(child -> collectBrokenReferences(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectBrokenReferences(child, broken));
        }
    }
}
