package org.yizhan.fleet.live;

import java.time.Instant;
import java.util.List;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.status.KioskJudgement;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.health.DeviceStatus;

/** A kiosk's facts and judgement as a row of the console. */
public final class Summaries {

    private Summaries() {
    }

    public static KioskSummary summary(KioskFacts facts, KioskJudgement judgement) {
        Birth birth = facts.birth();
        return new KioskSummary(facts.id(), birth == null ? null : birth.siteName(), judgement.condition(),
                judgement.reasons(), facts.lastSeen(), birth == null ? null : birth.appVersion(),
                birth == null ? null : birth.javaVersion(), birth == null ? null : birth.os(), devices(facts));
    }

    /** The summary with {@code lastSeen} left out, to tell a change worth telling listeners about. */
    public static KioskSummary withoutLastSeen(KioskSummary summary) {
        return new KioskSummary(summary.id(), summary.siteName(), summary.condition(), summary.reasons(),
                Instant.EPOCH, summary.appVersion(), summary.javaVersion(), summary.os(), summary.devices());
    }

    /** From the latest health; before any, from the birth (as of its time, without errors). */
    static List<DeviceStatus> devices(KioskFacts facts) {
        if (facts.health() != null) {
            return facts.health().devices();
        }
        Birth birth = facts.birth();
        if (birth == null) {
            return List.of();
        }
        Instant at = birth.envelope().ts();
        return birth.devices().stream().map(d -> new DeviceStatus(d.name(), d.state(), null, at)).toList();
    }
}
