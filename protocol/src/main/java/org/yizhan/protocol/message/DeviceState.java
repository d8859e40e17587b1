package org.yizhan.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a peripheral is doing, in birth and health messages. */
public enum DeviceState {
    /** Present and working. */
    CONNECTED("connected"),
    /** Present but not working well: errors, garbage, a failing check. */
    DEGRADED("degraded"),
    /** Not there: unplugged, not found, or not answering. */
    ABSENT("absent");

    private final String code;

    DeviceState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    static DeviceState fromCode(String code) {
        for (DeviceState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("device state is connected, degraded or absent, not '" + code + "'");
    }
}
