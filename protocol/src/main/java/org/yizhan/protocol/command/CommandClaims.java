package org.yizhan.protocol.command;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yizhan.protocol.topic.KioskId;

/**
 * The JSON of a {@link Command}, in member order {@code schema, id, ts, kiosk, name, notAfter, nonce, args},
 * and reading it back member by member so that each problem has its own message. Unknown top-level members
 * are ignored (a later schema may add some); unknown members of {@code args} are not.
 */
final class CommandClaims {

    static final String TYPE = "yizhan-command";

    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private CommandClaims() {
    }

    static ObjectNode toJson(ObjectMapper json, Command command) {
        ObjectNode claims = json.createObjectNode();
        claims.put("schema", command.schema());
        claims.put("id", command.id());
        claims.put("ts", command.ts().toString());
        claims.put("kiosk", command.kiosk().toString());
        claims.put("name", command.name().code());
        claims.put("notAfter", command.notAfter().toString());
        claims.put("nonce", command.nonce());
        claims.set("args", json.valueToTree(command.args()));
        return claims;
    }

    /** The claims as read, before their meaning is checked; the args still as JSON. */
    record Raw(int schema, String id, Instant ts, KioskId kiosk, String name, Instant notAfter, String nonce,
            JsonNode args) {
    }

    /** A claims problem: the message for a {@code malformed} rejection. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static Raw read(JsonNode node) throws Unreadable {
        if (!(node instanceof ObjectNode claims)) {
            throw new Unreadable("the claims are not a JSON object");
        }
        JsonNode schema = claims.get("schema");
        if (schema == null || !schema.isInt() || schema.intValue() < 1) {
            throw new Unreadable("'schema' is not a version number");
        }
        String id = text(claims, "id");
        if (!ULID.matcher(id).matches()) {
            throw new Unreadable("'id' is not a ULID");
        }
        KioskId kiosk;
        try {
            kiosk = KioskId.parse(text(claims, "kiosk"));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("'kiosk': " + e.getMessage());
        }
        String nonce = text(claims, "nonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new Unreadable("'nonce' is not 16 to 64 base64url characters");
        }
        JsonNode args = claims.get("args");
        if (args != null && !args.isNull() && !args.isObject()) {
            throw new Unreadable("'args' is not a JSON object");
        }
        return new Raw(schema.intValue(), id, instant(claims, "ts"), kiosk, text(claims, "name"),
                instant(claims, "notAfter"), nonce, args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args);
    }

    /** The args as {@code name} takes them, or why they do not fit. */
    static Optional<CommandArgs> args(ObjectMapper json, CommandName name, JsonNode args, StringBuilder problem) {
        try {
            return Optional.of(json.readerFor(name.argsType())
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(args));
        } catch (JacksonException e) {
            problem.append(describe(e));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problem.append(e.getMessage());
            return Optional.empty();
        }
    }

    /** The id a payload claims, read without trusting or checking anything else; for correlation only. */
    static Optional<String> peekId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() && ULID.matcher(id.textValue()).matches()
                ? Optional.of(id.textValue()) : Optional.empty();
    }

    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static String text(ObjectNode claims, String member) throws Unreadable {
        JsonNode node = claims.get(member);
        if (node == null || !node.isTextual()) {
            throw new Unreadable("'" + member + "' is missing or not a string");
        }
        return node.textValue();
    }

    private static Instant instant(ObjectNode claims, String member) throws Unreadable {
        String text = text(claims, member);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable("'" + member + "' is not an instant like 2026-03-02T08:15:00Z");
        }
    }
}
