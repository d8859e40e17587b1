package org.yizhan.protocol.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.yizhan.protocol.jose.CompactJws;
import org.yizhan.protocol.jose.Ed25519SigningKey;
import org.yizhan.protocol.message.ProtocolJson;

/**
 * The fleet's Ed25519 key for signing commands, and the signing itself.
 *
 * <p>A signed command is a compact JWS (RFC 7515) whose bytes, as ASCII, are the whole MQTT payload:
 * <pre>
 * BASE64URL(header) "." BASE64URL(claims) "." BASE64URL(Ed25519(ASCII(BASE64URL(header) "." BASE64URL(claims))))
 * </pre>
 * with {@code header = {"alg":"EdDSA","kid":KID,"typ":"yizhan-command"}} and the claims the JSON of
 * {@link Command}. The signature covers the encoded segments exactly as sent, so no JSON canonicalisation
 * is involved: the verifier checks the bytes it received. The {@code typ} keeps a visitor pass (also an
 * EdDSA JWS) from ever passing for a command.
 *
 * <p>On disk the key is a private JWK (RFC 8037): {@code {"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"d":…}};
 * its kid is the first 16 characters of its RFC 7638 thumbprint. Reading it applies the checks of
 * {@link Ed25519SigningKey}. Immutable and thread-safe.
 */
public final class CommandSigningKey {

    private static final ObjectMapper JSON = ProtocolJson.newMapper();

    private final Ed25519SigningKey key;

    private CommandSigningKey(Ed25519SigningKey key) {
        this.key = key;
    }

    public static CommandSigningKey generate() {
        return new CommandSigningKey(Ed25519SigningKey.generate());
    }

    /** The key in a private JWK; an {@link IllegalArgumentException} says which member is wrong. */
    public static CommandSigningKey fromJwk(String json) {
        return new CommandSigningKey(Ed25519SigningKey.fromPrivateJwk(
                Objects.requireNonNullElse(json, "").getBytes(StandardCharsets.UTF_8)));
    }

    public String kid() {
        return key.kid();
    }

    /** The private JWK, to be stored readable by its owner only. */
    public String privateJwk() {
        return key.privateJwk();
    }

    /** The public half as a trust set, to give to kiosks. */
    public TrustedCommandKeys trusted() {
        return TrustedCommandKeys.of(key.publicKey());
    }

    /** The compact JWS of {@code command}: the exact MQTT payload of its {@code cmd/{name}} topic. */
    public String sign(Command command) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "EdDSA");
        header.put("kid", key.kid());
        header.put("typ", CommandClaims.TYPE);
        return CompactJws.sign(key, bytes(header), bytes(CommandClaims.toJson(JSON, command)));
    }

    /**
     * A compact JWS of {@code claims} with this key, typed {@code typ}: for the fleet's other signed formats
     * (an enrolment code), whose own {@code typ} keeps them from passing for a command and back.
     */
    public String sign(String typ, ObjectNode claims) {
        if (CommandClaims.TYPE.equals(typ)) {
            throw new IllegalArgumentException("commands are signed with sign(Command)");
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "EdDSA");
        header.put("kid", key.kid());
        header.put("typ", typ);
        return CompactJws.sign(key, bytes(header), bytes(claims));
    }

    /** For tests in this package that sign what {@link #sign(Command)} never would. */
    Ed25519SigningKey ed25519() {
        return key;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialise", e);
        }
    }

    @Override
    public String toString() {
        return "CommandSigningKey[kid=" + key.kid() + "]";
    }
}
