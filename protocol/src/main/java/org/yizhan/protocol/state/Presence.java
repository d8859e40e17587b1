package org.yizhan.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a kiosk is connected to the broker. */
public enum Presence {
    ONLINE("online"),
    OFFLINE("offline");

    private final String code;

    Presence(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    static Presence fromCode(String code) {
        for (Presence presence : values()) {
            if (presence.code.equals(code)) {
                return presence;
            }
        }
        throw new IllegalArgumentException("state is online or offline, not '" + code + "'");
    }
}
