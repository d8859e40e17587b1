package org.yizhan.kiosk.flow;

/** The screens of the kiosk's flows (check-in, health check, maintenance), named as in headless events. */
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
    MAINTENANCE("maintenance"),
    /** The health check begins: what is stored and for how long; keep a history, or measure without saving. */
    HEALTH_CONSENT("health-consent"),
    /** A resident who keeps a history scans their own pass, so the reading is theirs. */
    HEALTH_IDENTIFY("health-identify"),
    /** Guidance (sit, rest, cuff at heart height, don't talk) while waiting for the reading. */
    HEALTH_MEASURING("health-measuring"),
    /** The reading, large, with its category, its colour and plain advice; or why it was refused. */
    HEALTH_RESULT("health-result"),
    /** A resident's last readings as a chart, and the trend in words. */
    HEALTH_TREND("health-trend"),
    /** A dangerous blood pressure: seek care now, the centre's duty phone and 120. */
    HEALTH_CRISIS("health-crisis"),
    /** No reading arrived in time: check the cuff, try again. */
    HEALTH_TIMEOUT("health-timeout"),
    /** "Delete my data": the resident scans their pass. */
    HEALTH_DELETE("health-delete"),
    /** "Delete my data": confirm before every reading of theirs is gone. */
    HEALTH_DELETE_CONFIRM("health-delete-confirm"),
    /** Their readings are deleted. */
    HEALTH_DELETED("health-deleted");

    private final String id;

    Screen(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
