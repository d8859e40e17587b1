package org.yizhan.protocol.enrolment;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;

/**
 * What a blank kiosk needs to become a member of the fleet, carried by the enrolment QR code the maintainer
 * prints with {@code yizhan provision enroll} and holds in front of the kiosk's scanner.
 *
 * <p>It carries the kiosk's broker password, so the sheet it is printed on is a secret until shredded; the code's
 * expiry limits how long a lost sheet can enrol a stranger's device, not how long the password works (revoke the
 * kiosk for that). It is signed with the fleet's command key, which kiosks trust already, so a code nobody in
 * the fleet signed configures nothing.
 *
 * @param kiosk     the kiosk's id
 * @param name      the kiosk's name for people, e.g. {@code 浦锦 24h window 1}
 * @param siteName  the centre's name on the home screen
 * @param brokerUrl {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}
 * @param username  the kiosk's broker user
 * @param password  its broker password
 * @param passKeys  the JWK Set of the site's pass-signing keys (public), or null when the site has none
 * @param caCertificate the PEM certificate of the fleet's own CA, which the broker's TLS certificate chains to;
 *                  null when the broker is not reached over TLS or has a certificate the JDK trusts
 * @param issuedAt  when the code was made
 * @param expiresAt when it stops being accepted
 */
public record EnrolmentCode(KioskId kiosk, String name, String siteName, String brokerUrl, String username,
        String password, String passKeys, String caCertificate, Instant issuedAt, Instant expiresAt) {

    public EnrolmentCode {
        Objects.requireNonNull(kiosk, "kiosk");
        name = oneLine("name", name);
        siteName = oneLine("siteName", siteName);
        brokerUrl = oneLine("brokerUrl", brokerUrl);
        if (!brokerUrl.startsWith("tcp://") && !brokerUrl.startsWith("ssl://")) {
            throw new IllegalArgumentException("the broker URL is not tcp://HOST[:PORT] or ssl://HOST[:PORT]");
        }
        username = oneLine("username", username);
        password = oneLine("password", password);
        if (caCertificate != null && !caCertificate.startsWith("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("the CA certificate is not PEM");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("the code expires (" + expiresAt + ") before it is issued ("
                    + issuedAt + ")");
        }
    }

    private static String oneLine(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " is not one line");
        }
        return value.strip();
    }

    /** Leaves the password out: a code's content belongs in no log. */
    @Override
    public String toString() {
        return "EnrolmentCode[kiosk=" + kiosk + ", name=" + name + ", broker=" + brokerUrl + ", user=" + username
                + ", expires=" + expiresAt + "]";
    }
}
