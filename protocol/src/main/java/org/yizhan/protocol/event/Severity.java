package org.yizhan.protocol.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much an event matters to a maintainer. */
public enum Severity {
    /** A change worth a line in the kiosk's history: a device came back, a setting changed. */
    INFO("info"),
    /** Needs a look soon: a device degraded, the disk filling, the Pi hot. */
    WARNING("warning"),
    /** Needs action now: a device gone, the disk read-only, a crisis reading, the help button. */
    ERROR("error");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    static Severity fromCode(String code) {
        for (Severity severity : values()) {
            if (severity.code.equals(code)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity is info, warning or error, not '" + code + "'");
    }
}
