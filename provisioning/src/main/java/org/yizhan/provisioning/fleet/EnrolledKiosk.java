package org.yizhan.provisioning.fleet;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;

/**
 * A kiosk in the fleet's registry: which it is, its human name, its broker account, when it was enrolled and,
 * once revoked, when. A revoked kiosk keeps its entry (so its id is never given out again) but has no broker
 * access.
 */
public record EnrolledKiosk(KioskId id, String name, BrokerUser broker, Instant enrolledAt, Instant revokedAt) {

    public EnrolledKiosk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    /** The broker user name convention, {@code SITE.KIOSK}, e.g. {@code demo.kiosk-1}. */
    public static String username(KioskId id) {
        return id.site() + "." + id.kiosk();
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String clientId() {
        return new Topics(id).clientId();
    }

    public EnrolledKiosk revokedAt(Instant when) {
        return new EnrolledKiosk(id, name, broker, enrolledAt, when);
    }
}
