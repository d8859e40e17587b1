package org.yizhan.protocol.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.TopicKind;

/**
 * JSON bytes to and from the messages a kiosk publishes, one type per {@link TopicKind}: {@code state}
 * {@link KioskState}, {@code birth} {@link Birth}, {@code health} {@link Health}, {@code footfall}
 * {@link Footfall}, {@code events} {@link Event}, {@code cmd-result} {@link CommandResult}. Commands are not
 * here: they are signed ({@code CommandSigningKey.sign}) and verified ({@code CommandVerifier}), never just
 * decoded.
 *
 * <p>Decoding follows {@link ProtocolJson}: unknown fields are ignored (a newer kiosk may send more), missing
 * required fields, wrong types and values a record refuses are failures. It never throws: any payload, of
 * any size or content, gives a {@link Decoding}. Encoding a message cannot fail. Thread-safe.
 */
public final class PayloadCodec {

    private static final Map<TopicKind, Class<? extends Message>> TYPES = Map.of(
            TopicKind.STATE, KioskState.class,
            TopicKind.BIRTH, Birth.class,
            TopicKind.HEALTH, Health.class,
            TopicKind.FOOTFALL, Footfall.class,
            TopicKind.EVENTS, Event.class,
            TopicKind.COMMAND_RESULT, CommandResult.class);

    private final ObjectMapper json = ProtocolJson.newMapper();

    public byte[] encode(Message message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + message.topicKind().segment() + " message did not serialise", e);
        }
    }

    /** The message type a topic kind carries; empty for {@code cmd}. */
    public static Optional<Class<? extends Message>> typeOf(TopicKind kind) {
        return Optional.ofNullable(TYPES.get(kind));
    }

    /** The message on a topic of {@code kind}, as the fleet receives it. */
    public Decoding<Message> decode(TopicKind kind, byte[] payload) {
        Class<? extends Message> type = TYPES.get(kind);
        if (type == null) {
            return new Decoding.Failed<>(kind.segment() + " payloads are signed commands; use CommandVerifier");
        }
        Decoding<? extends Message> decoded = decode(payload, type);
        return decoded instanceof Decoding.Decoded<? extends Message> ok
                ? new Decoding.Decoded<>(ok.message())
                : new Decoding.Failed<>(((Decoding.Failed<? extends Message>) decoded).reason());
    }

    public <T extends Message> Decoding<T> decode(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            return new Decoding.Failed<>("empty payload");
        }
        try {
            JsonNode tree = json.readTree(payload);
            if (!(tree instanceof ObjectNode)) {
                return new Decoding.Failed<>("not a JSON object");
            }
            return new Decoding.Decoded<>(json.treeToValue(tree, type));
        } catch (JacksonException e) {
            return new Decoding.Failed<>(describe(e));
        } catch (IOException | RuntimeException e) {
            // the records' own checks arrive wrapped as JacksonException; this is the promise for the unforeseen
            return new Decoding.Failed<>("unreadable: " + e);
        }
    }

    /**
     * The same message with {@code "replayed": true}, every other byte of meaning unchanged: what the outbox
     * publishes for a message it held through an outage. Payloads that are not a JSON object come back as
     * they are.
     */
    public byte[] markReplayed(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            if (!(tree instanceof ObjectNode object)) {
                return payload;
            }
            object.put("replayed", true);
            return json.writeValueAsBytes(object);
        } catch (IOException | RuntimeException e) {
            return payload;
        }
    }

    private static String describe(JacksonException e) {
        String where = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String what;
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            what = String.valueOf(e.getCause().getMessage());
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`")) {
            // how Jackson reports a required number or boolean that is absent
            what = "missing or null";
        } else {
            what = firstLine(e.getOriginalMessage());
        }
        return where.isEmpty() ? what : where + ": " + what;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int newline = text.indexOf('\n');
        text = newline >= 0 ? text.substring(0, newline) : text;
        // Jackson suggests configuration switches in parentheses; a reader of the fleet's log cannot act on them
        int hint = text.indexOf(" (set DeserializationConfig");
        if (hint < 0) {
            hint = text.indexOf(" (but ");
        }
        text = hint > 0 ? text.substring(0, hint) : text;
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
