package org.yizhan.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.protocol.jose.CompactJws;
import org.yizhan.protocol.jose.Ed25519PublicKey;
import org.yizhan.protocol.jose.JwsHeader;
import org.yizhan.protocol.jose.MalformedJwsException;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;

/**
 * Decides whether a kiosk obeys a command received on {@code …/cmd/{name}}. A command is accepted only when
 * all of these hold, checked in this order; the first that fails is the {@link RejectionReason}:
 * <ol>
 * <li>the payload is at most {@link #MAX_PAYLOAD_BYTES} of ASCII in the compact JWS form; bare JSON,
 * {@code alg: none} or an empty signature is {@code unsigned}, anything else unreadable {@code malformed};</li>
 * <li>the header is {@code {"alg":"EdDSA","typ":"yizhan-command","kid":…}} without {@code crit}
 * ({@link JwsHeader#requireEdDsa}); keys come only from the trusted set, never from {@code jwk} or {@code jku}
 * headers; the header is canonical base64url of a strict UTF-8 JSON object without duplicate members;</li>
 * <li>the kid names a trusted key ({@code unknown-key}) and the Ed25519 signature over
 * {@code ASCII(header "." claims)}, as received, verifies with it ({@code bad-signature});</li>
 * <li>the claims are readable, by the same rules as the header ({@code malformed}); the name is a
 * {@link CommandName} ({@code unknown-command}) and the topic's ({@code wrong-topic}); the kiosk is this one
 * ({@code wrong-kiosk});</li>
 * <li>{@code now} is before notAfter ({@code expired}), and notAfter is at most {@link Command#MAX_VALIDITY}
 * after ts ({@code validity-too-long});</li>
 * <li>the args fit the command ({@code bad-arguments}); a config-set key is on the safe list
 * ({@code not-allowed}) and its value acceptable ({@code bad-arguments});</li>
 * <li>the nonce has not been obeyed before ({@code replayed-nonce}); accepting records it.</li>
 * </ol>
 * Never throws on any payload. Pure apart from the {@link SeenNonces} it is given, which it touches only
 * for a command that passed every other check. Thread-safe when that is.
 */
public final class CommandVerifier {

    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = ProtocolJson.newMapper();
    private static final JwsHeader.Typ COMMAND_TYPE = JwsHeader.Typ.exactly(CommandClaims.TYPE);

    private final TrustedCommandKeys keys;
    private final KioskId self;
    private final SeenNonces nonces;

    public CommandVerifier(TrustedCommandKeys keys, KioskId self, SeenNonces nonces) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.self = Objects.requireNonNull(self, "self");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * @param topicName the last level of the topic it arrived on, e.g. {@code restart}
     * @param payload   the MQTT payload as received
     * @param now       the kiosk's clock
     */
    public Verification verify(String topicName, byte[] payload, Instant now) {
        try {
            return check(topicName, payload, now);
        } catch (RuntimeException e) {
            // every expected problem is handled below; this is the promise not to crash on input never imagined
            return new Verification.Rejected(RejectionReason.MALFORMED, "unreadable: " + e, null);
        }
    }

    private Verification check(String topicName, byte[] payload, Instant now) {
        if (payload == null || payload.length == 0) {
            return reject(RejectionReason.MALFORMED, "empty payload", null);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return reject(RejectionReason.MALFORMED, "payload of " + payload.length + " bytes is over "
                    + MAX_PAYLOAD_BYTES, null);
        }
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            return reject(RejectionReason.UNSIGNED, "bare JSON; a command is a compact JWS signed by the fleet",
                    CommandClaims.peekId(tree(payload).orElse(null)).orElse(null));
        }
        Optional<CompactJws> split = CompactJws.split(text);
        if (split.isEmpty() || !split.get().hasPayload()) {
            return reject(RejectionReason.MALFORMED, "not a compact JWS (three base64url segments)", null);
        }
        CompactJws jws = split.get();
        ObjectNode claimsTree;
        String claimsProblem;
        try {
            claimsTree = jws.payload();
            claimsProblem = null;
        } catch (MalformedJwsException e) {
            claimsTree = null;
            claimsProblem = e.getMessage();
        }
        String claimedId = CommandClaims.peekId(claimsTree).orElse(null);

        JwsHeader header;
        try {
            header = jws.header();
        } catch (MalformedJwsException e) {
            return reject(RejectionReason.MALFORMED, e.getMessage(), claimedId);
        }
        if (header.isUnsecured() || !jws.isSigned()) {
            return reject(RejectionReason.UNSIGNED, "the command carries no signature", claimedId);
        }
        String kid;
        try {
            kid = header.requireEdDsa(COMMAND_TYPE);
        } catch (MalformedJwsException e) {
            return reject(RejectionReason.MALFORMED, e.getMessage(), claimedId);
        }
        Optional<Ed25519PublicKey> key = keys.key(kid);
        if (key.isEmpty()) {
            return reject(RejectionReason.UNKNOWN_KEY, "kid '" + excerpt(kid) + "' is not a trusted command key",
                    claimedId);
        }
        if (!jws.isSignedBy(key.get())) {
            return reject(RejectionReason.BAD_SIGNATURE, "the signature does not verify with key " + kid, claimedId);
        }

        if (claimsTree == null) {
            return reject(RejectionReason.MALFORMED, claimsProblem, null);
        }
        CommandClaims.Raw raw;
        try {
            raw = CommandClaims.read(claimsTree);
        } catch (CommandClaims.Unreadable e) {
            return reject(RejectionReason.MALFORMED, e.getMessage(), claimedId);
        }
        Optional<CommandName> name = CommandName.fromCode(raw.name());
        if (name.isEmpty()) {
            return reject(RejectionReason.UNKNOWN_COMMAND, "'" + excerpt(raw.name()) + "' is not a command",
                    raw.id());
        }
        if (!raw.name().equals(topicName)) {
            return reject(RejectionReason.WRONG_TOPIC, "signed as " + raw.name() + " but sent to cmd/"
                    + excerpt(String.valueOf(topicName)), raw.id());
        }
        if (!raw.kiosk().equals(self)) {
            return reject(RejectionReason.WRONG_KIOSK, "signed for " + raw.kiosk() + ", this is " + self, raw.id());
        }
        if (!now.isBefore(raw.notAfter())) {
            return reject(RejectionReason.EXPIRED, "valid until " + raw.notAfter() + ", now is " + now, raw.id());
        }
        if (Duration.between(raw.ts(), raw.notAfter()).compareTo(Command.MAX_VALIDITY) > 0) {
            return reject(RejectionReason.VALIDITY_TOO_LONG, "valid from " + raw.ts() + " until " + raw.notAfter()
                    + ", longer than " + Command.MAX_VALIDITY, raw.id());
        }
        StringBuilder problem = new StringBuilder();
        Optional<CommandArgs> args = CommandClaims.args(JSON, name.get(), raw.args(), problem);
        if (args.isEmpty()) {
            return reject(RejectionReason.BAD_ARGUMENTS, name.get().code() + ": " + problem, raw.id());
        }
        if (args.get() instanceof CommandArgs.ConfigSet set) {
            Optional<SafeConfigKey> safe = SafeConfigKey.of(set.key());
            if (safe.isEmpty()) {
                return reject(RejectionReason.NOT_ALLOWED, "'" + excerpt(set.key())
                        + "' may not be set remotely; allowed: " + String.join(", ", SafeConfigKey.KEYS), raw.id());
            }
            Optional<String> bad = safe.get().problemWith(set.value());
            if (bad.isPresent()) {
                return reject(RejectionReason.BAD_ARGUMENTS, set.key() + ": " + bad.get(), raw.id());
            }
        }
        Command command = new Command(raw.schema(), raw.id(), raw.ts(), raw.kiosk(), raw.notAfter(), raw.nonce(),
                args.get());
        if (!nonces.firstSight(raw.nonce(), raw.notAfter())) {
            return reject(RejectionReason.REPLAYED_NONCE, "nonce already obeyed", raw.id());
        }
        return new Verification.Accepted(command);
    }

    private static Verification.Rejected reject(RejectionReason reason, String detail, String commandId) {
        return new Verification.Rejected(reason, detail, commandId);
    }

    private static Optional<JsonNode> tree(byte[] json) {
        try {
            return Optional.of(JSON.readTree(json));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 64; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > 64 ? out + "…" : out.toString();
    }
}
