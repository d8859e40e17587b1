package org.yizhan.protocol.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.TrustedCommandKeys;
import org.yizhan.protocol.jose.CompactJws;
import org.yizhan.protocol.jose.Ed25519PublicKey;
import org.yizhan.protocol.jose.JwsHeader;
import org.yizhan.protocol.jose.MalformedJwsException;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;

/**
 * The text of an enrolment QR code: {@value #PREFIX} followed by a compact JWS signed with the fleet's command
 * key, header {@code {"alg":"EdDSA","typ":"yizhan-enrolment","kid":…}}, claims
 * <pre>
 * {"v":1, "site":"pujin", "kiosk":"k-7q2m4x", "name":"浦锦 24h window 1", "siteName":"浦锦 24h",
 *  "broker":"tcp://mqtt.example:1883", "user":"kiosk-pujin-k-7q2m4x", "password":"…",
 *  "passKeys":{"keys":[…]}, "ca":"-----BEGIN CERTIFICATE-----…", "iat":1795000000, "exp":1795086400}
 * </pre>
 * {@code passKeys} and {@code ca} (the fleet's own TLS CA, when the broker's certificate chains to it) are
 * optional.
 * <pre>
 * </pre>
 * The prefix lets a kiosk tell an enrolment code from a visitor pass before reading it. A code is accepted
 * only when every check holds, in this order, the first failure being the {@link Refusal}: it has the prefix;
 * it is a compact JWS with header and claims; it is signed (EdDSA, the enrolment {@code typ}, no {@code crit});
 * by a key the kiosk trusts; the signature verifies; the claims are complete and valid; {@code iat} is not
 * more than the allowed skew in the future and {@code exp} has not passed. Stateless and thread-safe.
 */
public final class EnrolmentCodes {

    public static final String PREFIX = "YZENROL:";
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    static final String TYPE = "yizhan-enrolment";
    static final int VERSION = 1;
    /** A kiosk's clock before its first network time sync may be off; a code issued "later" is still fine. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = ProtocolJson.newMapper();
    private static final JwsHeader.Typ ENROLMENT_TYPE = JwsHeader.Typ.exactly(TYPE);

    private EnrolmentCodes() {
    }

    /** Why a text was not accepted as an enrolment code, with a message for the screen and the log. */
    public record Refusal(Reason reason, String message) {

        public Refusal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    public enum Reason {
        NOT_AN_ENROLMENT_CODE("not-enrolment-code"),
        MALFORMED("malformed"),
        UNSIGNED("unsigned"),
        UNKNOWN_KEY("unknown-key"),
        BAD_SIGNATURE("bad-signature"),
        EXPIRED("expired"),
        NOT_YET_VALID("not-yet-valid");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Either the code or why not. */
    public record Verified(EnrolmentCode code, Refusal refusal) {

        public boolean accepted() {
            return code != null;
        }
    }

    /** Whether {@code text} looks like an enrolment code at all (before any checking). */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().startsWith(PREFIX);
    }

    /** The QR text of {@code code}, signed with the fleet's {@code key}. */
    public static String sign(EnrolmentCode code, CommandSigningKey key) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("v", VERSION);
        claims.put("site", code.kiosk().site());
        claims.put("kiosk", code.kiosk().kiosk());
        claims.put("name", code.name());
        claims.put("siteName", code.siteName());
        claims.put("broker", code.brokerUrl());
        claims.put("user", code.username());
        claims.put("password", code.password());
        if (code.passKeys() != null) {
            try {
                claims.set("passKeys", JSON.readTree(code.passKeys()));
            } catch (IOException e) {
                throw new IllegalArgumentException("the pass keys are not JSON: " + e.getMessage(), e);
            }
        }
        if (code.caCertificate() != null) {
            claims.put("ca", code.caCertificate());
        }
        claims.put("iat", code.issuedAt().getEpochSecond());
        claims.put("exp", code.expiresAt().getEpochSecond());
        return PREFIX + key.sign(TYPE, claims);
    }

    /** Checks {@code text} against the fleet keys the kiosk trusts, at {@code now}; see the class comment. */
    public static Verified verify(String text, TrustedCommandKeys trusted, Instant now) {
        try {
            return check(text, trusted, now);
        } catch (RuntimeException e) {
            // the promise not to crash on a text nobody imagined: whatever the scanner read, the kiosk carries on
            return refused(Reason.MALFORMED, "unreadable: " + e.getMessage());
        }
    }

    private static Verified check(String text, TrustedCommandKeys trusted, Instant now) {
        if (!looksLikeOne(text)) {
            return refused(Reason.NOT_AN_ENROLMENT_CODE, "this is not an enrolment code (it does not start with "
                    + PREFIX + ")");
        }
        Optional<CompactJws> split = CompactJws.split(text.strip().substring(PREFIX.length()));
        if (split.isEmpty() || !split.get().hasPayload()) {
            return refused(Reason.MALFORMED, "the code is damaged (not a compact JWS)");
        }
        CompactJws jws = split.get();
        String kid;
        try {
            JwsHeader header = jws.header();
            if (header.isUnsecured() || !jws.isSigned()) {
                return refused(Reason.UNSIGNED, "the code is not signed by the fleet");
            }
            kid = header.requireEdDsa(ENROLMENT_TYPE);
        } catch (MalformedJwsException e) {
            return refused(Reason.MALFORMED, "the code is damaged: " + e.getMessage());
        }
        Optional<Ed25519PublicKey> key = trusted.key(kid);
        if (key.isEmpty()) {
            return refused(Reason.UNKNOWN_KEY, "the code is signed by key " + excerpt(kid)
                    + ", which is not this fleet's");
        }
        if (!jws.isSignedBy(key.get())) {
            return refused(Reason.BAD_SIGNATURE, "the code's signature does not verify with key " + kid);
        }
        EnrolmentCode code;
        try {
            code = read(jws.payload());
        } catch (MalformedJwsException | IllegalArgumentException e) {
            return refused(Reason.MALFORMED, "the code's content is invalid: " + e.getMessage());
        }
        if (code.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return refused(Reason.NOT_YET_VALID, "the code is issued at " + code.issuedAt()
                    + ", later than this kiosk's clock (" + now + "); check the kiosk's time");
        }
        if (!now.isBefore(code.expiresAt())) {
            return refused(Reason.EXPIRED, "the code expired at " + code.expiresAt() + "; print a new one with"
                    + " yizhan provision enrolment-code");
        }
        return new Verified(code, null);
    }

    private static EnrolmentCode read(ObjectNode claims) {
        if (integer(claims, "v") != VERSION) {
            throw new IllegalArgumentException("version " + claims.get("v") + " is not " + VERSION);
        }
        JsonNode passKeys = claims.get("passKeys");
        if (passKeys != null && !passKeys.isObject()) {
            throw new IllegalArgumentException("passKeys is not a JWK Set");
        }
        return new EnrolmentCode(new KioskId(text(claims, "site"), text(claims, "kiosk")), text(claims, "name"),
                text(claims, "siteName"), text(claims, "broker"), text(claims, "user"), text(claims, "password"),
                passKeys == null ? null : passKeys.toString(), claims.has("ca") ? text(claims, "ca") : null,
                Instant.ofEpochSecond(integer(claims, "iat")),
                Instant.ofEpochSecond(integer(claims, "exp")));
    }

    private static String text(ObjectNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        return node.textValue();
    }

    private static long integer(ObjectNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " is missing or not an integer");
        }
        return node.longValue();
    }

    private static String excerpt(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }

    private static Verified refused(Reason reason, String message) {
        return new Verified(null, new Refusal(reason, message));
    }
}
