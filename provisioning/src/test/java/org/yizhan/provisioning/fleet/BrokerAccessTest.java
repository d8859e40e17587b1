package org.yizhan.provisioning.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.topic.KioskId;

class BrokerAccessTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private static BrokerUser user(String name) {
        return new BrokerUser(name, MosquittoPasswordHash.of("pw-" + name, RANDOM).encoded());
    }

    private static EnrolledKiosk kiosk(String site, String kiosk) {
        KioskId id = new KioskId(site, kiosk);
        return new EnrolledKiosk(id, "window " + kiosk, user(EnrolledKiosk.username(id)), NOW, null);
    }

    @Test
    void renders_the_acl_of_docs_mqtt_md_for_the_fleet_and_a_kiosk() {
        // given
        KioskRegistry registry = new KioskRegistry(user("fleet"), List.of(kiosk("demo", "kiosk-1")));

        // when
        String acl = BrokerAccess.acl(registry);

        // then
        assertTrue(acl.endsWith("""
                user fleet
                topic read yizhan/v1/#
                topic write yizhan/v1/+/+/cmd/+

                user demo.kiosk-1
                topic write yizhan/v1/demo/kiosk-1/state
                topic write yizhan/v1/demo/kiosk-1/birth
                topic write yizhan/v1/demo/kiosk-1/health
                topic write yizhan/v1/demo/kiosk-1/footfall
                topic write yizhan/v1/demo/kiosk-1/events
                topic write yizhan/v1/demo/kiosk-1/cmd-result
                topic read yizhan/v1/demo/kiosk-1/cmd/+
                """), acl);
    }

    @Test
    void leaves_a_revoked_kiosk_out_of_both_files_and_keeps_it_in_the_registry() {
        // given
        KioskRegistry registry = new KioskRegistry(user("fleet"), List.of(kiosk("demo", "a"), kiosk("demo", "b")));

        // when
        KioskRegistry revoked = registry.revoked(new KioskId("demo", "a"), NOW.plusSeconds(60));

        // then
        String passwd = BrokerAccess.passwd(revoked);
        String acl = BrokerAccess.acl(revoked);
        assertEquals(List.of("fleet", "demo.b"), passwd.lines().map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertFalse(acl.contains("demo.a") || acl.contains("yizhan/v1/demo/a/"), acl);
        assertTrue(acl.contains("user demo.b\n"), acl);
        assertEquals(NOW.plusSeconds(60), revoked.find(new KioskId("demo", "a")).orElseThrow().revokedAt());
        assertEquals(revoked, KioskRegistry.fromJson(revoked.toJson()));
    }
}
