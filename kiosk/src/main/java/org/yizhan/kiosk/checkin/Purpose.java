package org.yizhan.kiosk.checkin;

import java.util.Arrays;
import java.util.Optional;

/** Why a visitor came to the window; the centre counts visits by purpose. */
public enum Purpose {
    REST("rest"),
    CHARGE("charge"),
    HEALTH("health"),
    ACTIVITY("activity"),
    SERVICES("services"),
    OTHER("other");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    /** The stable code used in the visit log, in events and on the wire. */
    public String code() {
        return code;
    }

    public static Optional<Purpose> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
