package org.yizhan.kiosk.flow;

/** The screens of the check-in flow, named as in headless events. */
public enum Screen {
    /** Waiting for a visitor: scan prompt, walk-in and language buttons. */
    HOME("home"),
    /** Checked in: green, the visitor's category, purpose buttons for a few seconds. */
    WELCOME("welcome"),
    /** The same visitor checked in a moment ago: friendly, nothing counted. */
    ALREADY_CHECKED_IN("already-checked-in"),
    /** The scan was not a pass the kiosk accepts, with a reason the visitor can read. */
    REJECTED("rejected"),
    /** A visitor without a pass chooses why they came. */
    WALK_IN("walk-in"),
    /** A purpose was chosen: thanks, then home. */
    THANKS("thanks"),
    /** The kiosk could not record the visit; the visitor is asked to call staff. */
    OUT_OF_ORDER("out-of-order"),
    /**
     * For a maintainer, reached only from home (on the touchscreen by holding the header): every device's
     * state, this kiosk's identity and today's visits.
     */
    MAINTENANCE("maintenance");

    private final String id;

    Screen(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
