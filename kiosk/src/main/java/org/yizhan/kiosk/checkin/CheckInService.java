package org.yizhan.kiosk.checkin;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.kiosk.visitlog.VisitLog;
import org.yizhan.provisioning.pass.PassCheck;
import org.yizhan.provisioning.pass.PassVerifier;
import org.yizhan.provisioning.pass.VisitorPass;

/**
 * Turns scans and walk-ins into visits.
 *
 * <p>A scan is verified offline against the trusted pass keys; a valid pass whose visitor has no visit
 * within the duplicate window becomes a new visit, recorded durably before {@link #checkIn} returns
 * {@link CheckInOutcome.Accepted}. Only the pass's pseudonymous subject is stored, never the token.
 *
 * <p>Threading: not thread-safe; the kiosk calls it from its single kiosk thread, which also makes the
 * duplicate check and the insert one atomic step.
 */
public final class CheckInService {

    private final PassVerifier verifier;
    private final VisitLog visits;
    private final Supplier<Instant> now;
    // The default purpose may be changed at run time by the fleet's config-set command.
    private CheckInPolicy policy;

    public CheckInService(PassVerifier verifier, VisitLog visits, Supplier<Instant> now, CheckInPolicy policy) {
        this.verifier = verifier;
        this.visits = visits;
        this.now = now;
        this.policy = policy;
    }

    public CheckInOutcome checkIn(String scanned) {
        PassCheck check = verifier.verify(scanned);
        if (check instanceof PassCheck.Rejected rejected) {
            return new CheckInOutcome.Rejected(rejected.reason(), rejected.detail());
        }
        VisitorPass pass = ((PassCheck.Valid) check).pass();
        Instant at = now.get();
        // A visitor back exactly one window later counts again; the log keeps milliseconds.
        Instant windowStart = at.minus(policy.duplicateWindow()).plusMillis(1);
        Optional<Visit> earlier = visits.latestVisitOf(pass.subject(), windowStart);
        if (earlier.isPresent()) {
            return new CheckInOutcome.Duplicate(earlier.get());
        }
        Visit visit = new Visit(newVisitId(), pass.subject(), pass.category().code(), policy.defaultPurpose(), at);
        visits.record(visit);
        return new CheckInOutcome.Accepted(visit);
    }

    /** Records a visit by someone without a pass, who told the kiosk why they came. */
    public Visit walkIn(Purpose purpose) {
        Visit visit = new Visit(newVisitId(), null, Visit.WALK_IN, purpose, now.get());
        visits.record(visit);
        return visit;
    }

    /** Records the purpose a visitor chose after checking in; false when the visit is unknown. */
    public boolean choosePurpose(String visitId, Purpose purpose) {
        return visits.changePurpose(visitId, purpose);
    }

    public CheckInPolicy policy() {
        return policy;
    }

    /** Visits from now on are recorded with this purpose until the visitor chooses one. */
    public void changeDefaultPurpose(Purpose purpose) {
        policy = new CheckInPolicy(policy.duplicateWindow(), purpose);
    }

    private static String newVisitId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
