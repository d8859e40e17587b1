package org.yizhan.protocol.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
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
 * its kid is the first 16 characters of its RFC 7638 thumbprint. Immutable and thread-safe.
 */
public final class CommandSigningKey {

    private static final ObjectMapper JSON = ProtocolJson.newMapper();
    private static final byte[] PAIR_CHECK = "yizhan command key pair check".getBytes(StandardCharsets.US_ASCII);

    private final byte[] seed;
    private final byte[] x;
    private final PrivateKey privateKey;
    private final String kid;

    private CommandSigningKey(byte[] seed, byte[] x) {
        this.seed = seed.clone();
        this.x = x.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.kid = Ed25519.keyId(x);
        // The JDK cannot derive the public key from the seed, so a signature proves the pair belongs together.
        if (!Ed25519.verify(Ed25519.publicKey(x), PAIR_CHECK, Ed25519.sign(privateKey, PAIR_CHECK))) {
            throw new IllegalArgumentException("'x' is not the public key of 'd'");
        }
    }

    public static CommandSigningKey generate() {
        byte[][] pair = Ed25519.generate();
        return new CommandSigningKey(pair[0], pair[1]);
    }

    /** The key in a private JWK; an {@link IllegalArgumentException} says which member is wrong. */
    public static CommandSigningKey fromJwk(String json) {
        ObjectNode jwk = Jwk.object(json);
        Jwk.requireEd25519(jwk);
        CommandSigningKey key = new CommandSigningKey(Jwk.keyBytes(jwk, "d"), Jwk.keyBytes(jwk, "x"));
        Jwk.requireKid(jwk, key.kid);
        return key;
    }

    public String kid() {
        return kid;
    }

    /** The private JWK, to be stored readable by its owner only. */
    public String privateJwk() {
        ObjectNode jwk = Jwk.publicJwk(kid, x);
        jwk.put("d", Base64Url.encode(seed));
        return jwk.toPrettyString();
    }

    /** The public half as a trust set, to give to kiosks. */
    public TrustedCommandKeys trusted() {
        return TrustedCommandKeys.of(x);
    }

    /** The compact JWS of {@code command}: the exact MQTT payload of its {@code cmd/{name}} topic. */
    public String sign(Command command) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        header.put("typ", CommandClaims.TYPE);
        return CompactJws.sign(this, bytes(header), bytes(CommandClaims.toJson(JSON, command)));
    }

    byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
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
        return "CommandSigningKey[kid=" + kid + "]";
    }
}
