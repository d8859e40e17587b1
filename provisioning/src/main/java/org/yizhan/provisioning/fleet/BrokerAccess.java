package org.yizhan.provisioning.fleet;

import java.util.List;
import org.yizhan.protocol.topic.KioskId;

/**
 * The broker's password file and ACL file for a {@link KioskRegistry}, as {@code docs/mqtt.md} ("Broker access")
 * prescribes: the fleet user reads {@code yizhan/v1/#} and writes only commands; each active kiosk writes only its
 * own topics and reads only its own {@code cmd/+}. Revoked kiosks appear in neither file. Pure functions.
 */
public final class BrokerAccess {

    /** The fleet's broker user name. */
    public static final String FLEET_USER = "fleet";
    /** The topics a kiosk publishes, under {@code yizhan/v1/SITE/KIOSK/}. */
    static final List<String> KIOSK_WRITES = List.of("state", "birth", "health", "footfall", "events", "cmd-result");

    private BrokerAccess() {
    }

    /** Mosquitto's {@code password_file}: one {@code user:$7$…} line per account. */
    public static String passwd(KioskRegistry registry) {
        StringBuilder text = new StringBuilder(registry.fleet().passwdLine()).append('\n');
        for (EnrolledKiosk kiosk : registry.active()) {
            text.append(kiosk.broker().passwdLine()).append('\n');
        }
        return text.toString();
    }

    /** Mosquitto's {@code acl_file}. */
    public static String acl(KioskRegistry registry) {
        StringBuilder text = new StringBuilder("# Written by yizhan provision; changes here are lost at the next enrol or revoke.\n\n");
        text.append("user ").append(registry.fleet().username()).append('\n')
                .append("topic read yizhan/v1/#\n")
                .append("topic write yizhan/v1/+/+/cmd/+\n");
        for (EnrolledKiosk kiosk : registry.active()) {
            text.append('\n').append(kioskBlock(kiosk.broker().username(), kiosk.id()));
        }
        return text.toString();
    }

    /** The ACL block of one kiosk. */
    static String kioskBlock(String username, KioskId id) {
        String prefix = "yizhan/v1/" + id.site() + "/" + id.kiosk() + "/";
        StringBuilder text = new StringBuilder("user ").append(username).append('\n');
        for (String kind : KIOSK_WRITES) {
            text.append("topic write ").append(prefix).append(kind).append('\n');
        }
        return text.append("topic read ").append(prefix).append("cmd/+\n").toString();
    }
}
