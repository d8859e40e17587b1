package org.yizhan.provisioning.pass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.jose.CompactJws;
import org.yizhan.protocol.jose.Ed25519PublicKey;
import org.yizhan.protocol.jose.JwsHeader;
import org.yizhan.protocol.jose.MalformedJwsException;

/**
 * Decides whether a scanned text is a pass to let in.
 *
 * <p>{@link #verify} never throws, whatever it is given: every failure is a {@link PassCheck.Rejected}. The
 * checks run in this order and the first failure decides the reason:
 * <ol>
 *   <li>at most 4096 characters, no control characters (CR, LF, TAB, DEL, …), else {@code MALFORMED};</li>
 *   <li>shaped like a compact JWS (three dot-separated base64url segments, header not empty), else
 *       {@code NOT_A_PASS} — a URL or a product barcode scanned by mistake;</li>
 *   <li>header and payload canonical base64url of strict UTF-8 JSON objects without duplicate members,
 *       else {@code MALFORMED};</li>
 *   <li>{@code alg} exactly {@code EdDSA} (so never {@code none}), {@code typ} absent or {@code JWT} in any
 *       letter case, no {@code crit}, {@code kid} a string ({@link JwsHeader#requireEdDsa}), else
 *       {@code MALFORMED};</li>
 *   <li>{@code kid} among the trusted keys, else {@code UNKNOWN_KEY}; keys named in the header itself
 *       ({@code jwk}, {@code jku}, {@code x5u}) are ignored;</li>
 *   <li>a 64-byte Ed25519 signature over the first two segments as scanned, else {@code BAD_SIGNATURE};</li>
 *   <li>claims: {@code sub} of 1 to 64 {@code A-Z a-z 0-9 . _ -}, {@code cat} a known category, {@code iss} a
 *       site id, {@code iat} and {@code exp} whole seconds with {@code exp} after {@code iat}, {@code nbf}
 *       whole seconds if present, else {@code MALFORMED}; other claims are ignored;</li>
 *   <li>now after {@code exp} + skew is {@code EXPIRED}; now before {@code iat} (or {@code nbf}) − skew is
 *       {@code NOT_YET_VALID};</li>
 *   <li>not on the revocation list, else {@code REVOKED}.</li>
 * </ol>
 * Details are short English for logs; they quote only sanitised excerpts of a pass's header and claims,
 * never text that is not shaped like a pass.
 *
 * <p>Immutable and thread-safe if the clock is.
 */
public final class PassVerifier {

    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    private static final JwsHeader.Typ PASS_TYPE = JwsHeader.Typ.absentOr(PassFormat.TYPE);

    private final TrustedPassKeys keys;
    private final RevocationList revoked;
    private final Clock clock;
    private final Duration allowedClockSkew;

    /** {@code allowedClockSkew} tolerates kiosk and issuer clocks that disagree; 0 to 1 day. */
    public PassVerifier(TrustedPassKeys keys, RevocationList revoked, Clock clock, Duration allowedClockSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedClockSkew = Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        if (allowedClockSkew.isNegative() || allowedClockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("allowedClockSkew must be between 0 and 1 day, not " + allowedClockSkew);
        }
    }

    public PassCheck verify(String scannedText) {
        try {
            return new PassCheck.Valid(check(scannedText == null ? "" : scannedText));
        } catch (Refusal refusal) {
            return new PassCheck.Rejected(refusal.reason, refusal.getMessage());
        }
    }

    private VisitorPass check(String text) throws Refusal {
        if (text.length() > PassFormat.MAX_TEXT_LENGTH) {
            throw new Refusal(PassRejection.MALFORMED, "longer than " + PassFormat.MAX_TEXT_LENGTH + " characters");
        }
        if (PassFormat.hasControlCharacter(text)) {
            throw new Refusal(PassRejection.MALFORMED, "contains control characters");
        }
        // no excerpt: a foreign code can be a Wi-Fi password or a payment code, which has no place in our logs
        CompactJws jws = CompactJws.split(text).orElseThrow(() -> new Refusal(PassRejection.NOT_A_PASS,
                "not a signed pass (" + text.length() + " characters)"));

        ObjectNode claims;
        String kid;
        try {
            JwsHeader header = jws.header();
            claims = jws.payload();
            kid = header.requireEdDsa(PASS_TYPE);
        } catch (MalformedJwsException e) {
            throw new Refusal(PassRejection.MALFORMED, e.getMessage());
        }

        Ed25519PublicKey key = keys.key(kid).orElseThrow(() -> new Refusal(PassRejection.UNKNOWN_KEY,
                "signed by untrusted key '" + PassFormat.excerpt(kid) + "'"));
        if (!jws.isSignedBy(key)) {
            throw new Refusal(PassRejection.BAD_SIGNATURE, "signature does not verify with key " + kid);
        }

        String subject = stringMember(claims, "sub", "payload");
        if (!PassFormat.isSubject(subject)) {
            throw new Refusal(PassRejection.MALFORMED, "sub is not 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        String categoryCode = stringMember(claims, "cat", "payload");
        VisitorCategory category = VisitorCategory.fromCode(categoryCode).orElseThrow(() -> new Refusal(
                PassRejection.MALFORMED, "unknown category '" + PassFormat.excerpt(categoryCode) + "'"));
        String site = stringMember(claims, "iss", "payload");
        if (!PassFormat.isSite(site)) {
            throw new Refusal(PassRejection.MALFORMED, "iss is not a site id");
        }
        Instant issuedAt = numericDate(claims, "iat");
        Instant expiresAt = numericDate(claims, "exp");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new Refusal(PassRejection.MALFORMED, "exp is not after iat");
        }
        // nbf is optional and we never write it, but a pass issued by another library may carry one
        Instant notBefore = claims.has("nbf") ? max(issuedAt, numericDate(claims, "nbf")) : issuedAt;

        Instant now = clock.instant();
        if (now.isAfter(expiresAt.plus(allowedClockSkew))) {
            throw new Refusal(PassRejection.EXPIRED, "expired at " + expiresAt);
        }
        if (now.isBefore(notBefore.minus(allowedClockSkew))) {
            throw new Refusal(PassRejection.NOT_YET_VALID, "not valid before " + notBefore);
        }

        VisitorPass pass = new VisitorPass(subject, category, site, issuedAt, expiresAt, kid);
        if (revoked.isRevoked(pass)) {
            throw new Refusal(PassRejection.REVOKED, "passes of " + subject + " issued at " + issuedAt + " are revoked");
        }
        return pass;
    }

    private static String stringMember(ObjectNode object, String member, String part) throws Refusal {
        JsonNode node = object.get(member);
        if (node == null) {
            throw new Refusal(PassRejection.MALFORMED, part + " has no " + member);
        }
        if (!node.isTextual()) {
            throw new Refusal(PassRejection.MALFORMED, member + " is not a string");
        }
        return node.textValue();
    }

    private static Instant numericDate(ObjectNode claims, String member) throws Refusal {
        JsonNode node = claims.get(member);
        if (node == null) {
            throw new Refusal(PassRejection.MALFORMED, "payload has no " + member);
        }
        // whole seconds only: JOSE libraries write integers, and fractions would only invite rounding disputes
        if (!node.isIntegralNumber() || !node.canConvertToLong()
                || node.longValue() < 0 || node.longValue() > PassFormat.MAX_NUMERIC_DATE) {
            throw new Refusal(PassRejection.MALFORMED, member + " is not a date in whole seconds");
        }
        return Instant.ofEpochSecond(node.longValue());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Internal control flow only; never leaves {@link #verify}. */
    private static final class Refusal extends Exception {

        private final PassRejection reason;

        Refusal(PassRejection reason, String detail) {
            // no stack trace: refusals are ordinary outcomes, and junk scans must stay cheap
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
