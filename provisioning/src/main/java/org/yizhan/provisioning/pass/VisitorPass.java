package org.yizhan.provisioning.pass;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a pass whose signature, format and validity period were checked by {@link PassVerifier}.
 *
 * @param subject   the pseudonymous visitor id ({@code sub}); never a name or phone number
 * @param category  who the visitor is ({@code cat})
 * @param site      the site that issued the pass ({@code iss})
 * @param issuedAt  {@code iat}, whole seconds
 * @param expiresAt {@code exp}, whole seconds
 * @param keyId     the {@code kid} of the key that signed the pass
 */
public record VisitorPass(String subject, VisitorCategory category, String site, Instant issuedAt,
        Instant expiresAt, String keyId) {

    public VisitorPass {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(keyId, "keyId");
    }
}
