package org.yizhan.provisioning.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.protocol.topic.KioskId;

/**
 * The fleet's registry ({@code kiosks.json}): the fleet's own broker account and every kiosk ever enrolled, in
 * enrolment order. It is the source of truth from which the broker's password and ACL files are rendered
 * ({@link BrokerAccess}). Immutable: changes return a new registry. A malformed file is an
 * {@link IllegalArgumentException} naming the bad member.
 *
 * <pre>
 * {"version":1,"fleet":{"username":"fleet","passwordHash":"$7$…"},
 *  "kiosks":[{"site":"demo","kiosk":"k-abcdef","name":"…","username":"demo.k-abcdef","passwordHash":"$7$…",
 *             "enrolledAt":"2025-…Z","revokedAt":null}]}
 * </pre>
 */
public record KioskRegistry(BrokerUser fleet, List<EnrolledKiosk> kiosks) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public KioskRegistry {
        Objects.requireNonNull(fleet, "fleet");
        kiosks = List.copyOf(kiosks);
    }

    public Optional<EnrolledKiosk> find(KioskId id) {
        return kiosks.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** With {@code kiosk} added; an id used before, even by a revoked kiosk, is refused. */
    public KioskRegistry enrolled(EnrolledKiosk kiosk) {
        if (find(kiosk.id()).isPresent()) {
            throw new IllegalArgumentException("kiosk " + kiosk.id() + " is already enrolled");
        }
        List<EnrolledKiosk> next = new ArrayList<>(kiosks);
        next.add(kiosk);
        return new KioskRegistry(fleet, next);
    }

    /** With {@code id} marked revoked at {@code when}; an unknown or already revoked kiosk is refused. */
    public KioskRegistry revoked(KioskId id, Instant when) {
        EnrolledKiosk kiosk = find(id).orElseThrow(() -> new IllegalArgumentException("no kiosk " + id + " is enrolled"));
        if (kiosk.revoked()) {
            throw new IllegalArgumentException("kiosk " + id + " was already revoked at " + kiosk.revokedAt());
        }
        List<EnrolledKiosk> next = new ArrayList<>(kiosks);
        next.set(next.indexOf(kiosk), kiosk.revokedAt(when));
        return new KioskRegistry(fleet, next);
    }

    public List<EnrolledKiosk> active() {
        return kiosks.stream().filter(k -> !k.revoked()).toList();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.set("fleet", user(fleet));
        ArrayNode array = root.putArray("kiosks");
        for (EnrolledKiosk kiosk : kiosks) {
            ObjectNode node = array.addObject();
            node.put("site", kiosk.id().site());
            node.put("kiosk", kiosk.id().kiosk());
            node.put("name", kiosk.name());
            node.setAll(user(kiosk.broker()));
            node.put("enrolledAt", kiosk.enrolledAt().toString());
            node.put("revokedAt", kiosk.revoked() ? kiosk.revokedAt().toString() : null);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    public static KioskRegistry fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the registry is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("version").asInt() != 1) {
            throw new IllegalArgumentException("the registry has no \"version\":1");
        }
        BrokerUser fleet = user(root.path("fleet"), "fleet");
        List<EnrolledKiosk> kiosks = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.path("kiosks")) {
            String where = "kiosks[" + i++ + "]";
            try {
                KioskId id = new KioskId(text(node, "site", where), text(node, "kiosk", where));
                JsonNode revoked = node.path("revokedAt");
                kiosks.add(new EnrolledKiosk(id, text(node, "name", where), user(node, where),
                        Instant.parse(text(node, "enrolledAt", where)),
                        revoked.isTextual() ? Instant.parse(revoked.asText()) : null));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new KioskRegistry(fleet, kiosks);
    }

    private static ObjectNode user(BrokerUser user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("username", user.username());
        node.put("passwordHash", user.passwordHash());
        return node;
    }

    private static BrokerUser user(JsonNode node, String where) {
        try {
            return new BrokerUser(text(node, "username", where), text(node, "passwordHash", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String member, String where) {
        JsonNode value = node.path(member);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + "." + member + " is missing or not a string");
        }
        return value.asText();
    }
}
