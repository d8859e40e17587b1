package org.yizhan.fleet.alert;

import java.util.Optional;

/**
 * The console's alert rules. A <i>lasting</i> rule follows a cause that lasts (a kiosk lost, a CPU hot): its
 * alert is raised when the cause appears and cleared when it goes away. A <i>one-off</i> rule follows an event
 * (a help button pressed): its alert is never cleared, only acknowledged.
 */
public enum AlertRule {
    /** Lost (offline, or no health for two intervals) for longer than {@code lostAfter}. */
    LOST("lost", true),
    /** CPU at or above the limit. */
    CPU_HOT("cpu-hot", true),
    /** The supply is below 4.63 V now. */
    UNDER_VOLTAGE("under-voltage", true),
    /** The data disk used to the limit or beyond. */
    DISK_FULL("disk-full", true),
    /** The outbox growing (see {@code ConditionThresholds}). */
    OUTBOX_GROWING("outbox-growing", true),
    /** The QR scanner absent: no visitor can check in with a pass. */
    SCANNER_ABSENT("scanner-absent", true),
    /** A {@code crisis-reading} event: a resident measured a dangerous blood pressure. */
    CRISIS_READING("crisis-reading", false),
    /** A {@code help-button} event: someone at the window asked for help. */
    HELP_BUTTON("help-button", false);

    private final String code;
    private final boolean lasting;

    AlertRule(String code, boolean lasting) {
        this.code = code;
        this.lasting = lasting;
    }

    /** The rule's code in {@code Alert.rule}, settings and webhooks, e.g. {@code cpu-hot}. */
    public String code() {
        return code;
    }

    public boolean lasting() {
        return lasting;
    }

    public static Optional<AlertRule> fromCode(String code) {
        for (AlertRule rule : values()) {
            if (rule.code.equals(code)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
