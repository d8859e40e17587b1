package org.yizhan.protocol.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docs/asyncapi.yaml} as the tests read it, and the JSON Schemas of its components validated with a
 * draft-07 validator (the AsyncAPI 3 default schema format is a superset of draft 07).
 */
final class AsyncApiDocument {

    static final Path FILE = Path.of("..", "docs", "asyncapi.yaml");

    private final JsonNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        try {
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The errors of {@code payload} against {@code #/components/schemas/NAME}; empty when it is valid. */
    List<Error> validate(String schemaName, JsonNode payload) {
        return schema(schemaName, false).validate(payload);
    }

    /**
     * The same, but every object schema that lists properties also refuses others: the codec must not write
     * a member the document does not declare. (The document itself leaves them open, for readers of later
     * schemas.)
     */
    List<Error> validateStrictly(String schemaName, JsonNode payload) {
        return schema(schemaName, true).validate(payload);
    }

    private Schema schema(String name, boolean strict) {
        if (!root.at("/components/schemas/" + name).isObject()) {
            throw new AssertionError("no schema " + name + " in " + FILE);
        }
        ObjectNode components = root.get("components").deepCopy();
        if (strict) {
            closeObjects(components.get("schemas"));
        }
        ObjectNode wrapper = new ObjectMapper().createObjectNode();
        wrapper.put("$ref", "#/components/schemas/" + name);
        wrapper.set("components", components);
        return registry.getSchema(wrapper);
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(AsyncApiDocument::closeObjects);
        } else if (node != null && node.isArray()) {
            node.forEach(AsyncApiDocument::closeObjects);
        }
    }
}
