package org.yizhan.kiosk.checkin;

import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.provisioning.pass.PassRejection;

/** What became of one scan at the window. */
public sealed interface CheckInOutcome {

    /** The visit is in the visit log, durably, before this outcome exists. */
    record Accepted(Visit visit) implements CheckInOutcome {
    }

    /** The visitor checked in a moment ago; nothing new was counted. */
    record Duplicate(Visit earlier) implements CheckInOutcome {
    }

    /** Not let in: {@code detail} is for support engineers, {@code reason} is what the visitor is told. */
    record Rejected(PassRejection reason, String detail) implements CheckInOutcome {
    }
}
