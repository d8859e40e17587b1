package org.yizhan.provisioning.pass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.yizhan.protocol.jose.CompactJws;

/**
 * Issues visitor passes: compact JWS signed with the site's Ed25519 key, header
 * {@code {"alg":"EdDSA","kid":…,"typ":"JWT"}}, claims {@code sub}, {@code cat}, {@code iss}, {@code iat},
 * {@code exp} in whole seconds. A pass is about 250 to 300 ASCII characters, small enough for a QR code a
 * phone screen shows well.
 *
 * <p>Arguments the verifier would refuse are refused here with an {@link IllegalArgumentException}: a subject
 * that is not 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}, a blank or over-long site, a validity under
 * one second or ending after year 9999. Immutable and thread-safe.
 */
public final class PassIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PassSigningKey key;
    private final Clock clock;

    public PassIssuer(PassSigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String issue(String subject, VisitorCategory category, String site, Duration validity) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(validity, "validity");
        if (!PassFormat.isSubject(subject)) {
            throw new IllegalArgumentException("subject must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        if (!PassFormat.isSite(site)) {
            throw new IllegalArgumentException(
                    "site must be 1 to " + PassFormat.MAX_SITE_LENGTH + " characters without control characters");
        }
        if (validity.getSeconds() < 1) {
            throw new IllegalArgumentException("validity must be at least one second");
        }
        long issuedAt = clock.instant().getEpochSecond();
        if (validity.getSeconds() > PassFormat.MAX_NUMERIC_DATE - issuedAt) {
            throw new IllegalArgumentException("validity must end before the year 10000");
        }
        long expiresAt = issuedAt + validity.getSeconds();

        ObjectNode header = JSON.createObjectNode();
        header.put("alg", PassFormat.ALGORITHM);
        header.put("kid", key.keyId());
        header.put("typ", PassFormat.TYPE);

        ObjectNode claims = JSON.createObjectNode();
        claims.put("sub", subject);
        claims.put("cat", category.code());
        claims.put("iss", site);
        claims.put("iat", issuedAt);
        claims.put("exp", expiresAt);

        return CompactJws.sign(key.ed25519(), compact(header), compact(claims));
    }

    private static byte[] compact(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
