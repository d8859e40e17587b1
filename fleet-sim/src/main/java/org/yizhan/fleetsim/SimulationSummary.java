package org.yizhan.fleetsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.message.ProtocolJson;

/**
 * What a run sent, to compare with what a console shows: written to stdout as text ({@link #lines}) and, for a
 * test or a maintainer, as JSON ({@link #write}, {@link #read}).
 *
 * <p>Messages count as published when acknowledged: on PUBACK at QoS 1, once written at QoS 0. The Last Wills the
 * broker sent for crashed and killed kiosks are the broker's, not counted here. Footfall totals are exact: per
 * kiosk and bucket the highest revision the broker acknowledged, as a console keeps it; a bucket whose latest
 * revision was not acknowledged is listed in {@link FootfallSent#unacknowledged}, never counted.
 *
 * @param started          when the run started
 * @param ended            when its summary was made
 * @param seed             repeats the run's kiosks and traffic
 * @param broker           where it connected
 * @param kiosks           kiosks simulated
 * @param sites            over how many sites
 * @param connected        kiosks connected when the run was asked to stop
 * @param everConnected    kiosks the broker accepted at least once
 * @param neverConnected   kiosks it never accepted, each with the last reason
 * @param connects         connections made in all, reconnects included
 * @param connectFailures  failed connects by reason, e.g. {@code not authorized (0x87)}
 * @param crashes          simulated crashes: connections dropped without DISCONNECT, made again later
 * @param lostConnections  connections the broker or the network ended
 * @param killed           kiosks killed for good, which a console should show as lost
 * @param published        acknowledged messages by topic kind
 * @param publishFailures  publishes not acknowledged, by topic kind (footfall and events are sent again)
 * @param footfall         the footfall the broker acknowledged
 */
public record SimulationSummary(
        Instant started,
        Instant ended,
        long seed,
        String broker,
        int kiosks,
        int sites,
        int connected,
        int everConnected,
        List<NeverConnected> neverConnected,
        long connects,
        Map<String, Long> connectFailures,
        long crashes,
        long lostConnections,
        List<String> killed,
        Map<String, Long> published,
        Map<String, Long> publishFailures,
        FootfallSent footfall) {

    private static final int NAMED_IN_TEXT = 10;

    /**
     * A kiosk the broker never accepted.
     *
     * @param kiosk  {@code site/kiosk}
     * @param reason why its last connect failed
     */
    public record NeverConnected(String kiosk, String reason) {
    }

    /**
     * Footfall as sent.
     *
     * @param bucketMinutes    the bucket length
     * @param accelerated      whether buckets passed faster than the wall clock (their starts then run ahead of it)
     * @param firstBucketStart the start of the first bucket of the run
     * @param bucketsEnd       the end of the last bucket that closed: every bucket sent starts in
     *                         {@code [firstBucketStart, bucketsEnd)}
     * @param buckets          buckets acknowledged, over all kiosks
     * @param revised          of those, how many are kept at a revision above 1
     * @param totals           the sum of every acknowledged bucket at its highest revision
     * @param byKiosk          the same per kiosk that sent any
     * @param unacknowledged   buckets whose latest revision was not acknowledged, not in the totals
     */
    public record FootfallSent(
            int bucketMinutes,
            boolean accelerated,
            Instant firstBucketStart,
            Instant bucketsEnd,
            long buckets,
            long revised,
            FootfallCounts totals,
            List<KioskFootfall> byKiosk,
            List<UnacknowledgedBucket> unacknowledged) {
    }

    /**
     * One kiosk's acknowledged footfall.
     *
     * @param kiosk         {@code site/kiosk}
     * @param buckets       buckets acknowledged
     * @param checkIns      check-ins in them
     * @param entriesSensed entries the sensor saw
     * @param measurements  measurements of every kind
     */
    public record KioskFootfall(String kiosk, long buckets, long checkIns, long entriesSensed, long measurements) {
    }

    /** Writes it as indented JSON, instants in UTC as the contract writes them. */
    public void write(Path file) throws IOException {
        ObjectMapper json = ProtocolJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.write(file, json.writeValueAsBytes(this));
    }

    /** A summary {@link #write} wrote. */
    public static SimulationSummary read(Path file) throws IOException {
        return ProtocolJson.newMapper().readValue(file.toFile(), SimulationSummary.class);
    }

    /** The summary for a person, one fact a line. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("fleet-sim: " + kiosks + " kiosks at " + sites + (sites == 1 ? " site" : " sites") + " against "
                + broker + ", ran " + ShortDuration.format(Duration.between(started, ended).withNanos(0)) + " (seed "
                + seed + ")");
        lines.add("  connected at the end: " + connected + " of " + kiosks + " (" + everConnected
                + " connected at some point, " + connects + " connects in all)");
        long failed = connectFailures.values().stream().mapToLong(Long::longValue).sum();
        lines.add("  connect failures: " + (failed == 0 ? "none" : failed + " (" + connectFailures.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")) + ")"));
        if (!neverConnected.isEmpty()) {
            Map<String, List<String>> byReason = neverConnected.stream().collect(Collectors.groupingBy(
                    NeverConnected::reason, TreeMap::new, Collectors.mapping(NeverConnected::kiosk,
                            Collectors.toList())));
            lines.add("  never connected: " + neverConnected.size() + " (" + byReason.entrySet().stream()
                    .map(e -> e.getKey() + ": " + named(e.getValue())).collect(Collectors.joining("; ")) + ")");
        }
        lines.add("  crashes: " + crashes + "; connections lost otherwise: " + lostConnections + "; killed: "
                + killed.size() + (killed.isEmpty() ? "" : " (" + named(killed) + ")"));
        long all = published.values().stream().mapToLong(Long::longValue).sum();
        lines.add("  published: " + counts(published) + " (" + all + " in all)");
        lines.add("  publish failures: " + counts(publishFailures));
        FootfallCounts totals = footfall.totals();
        lines.add("  footfall acknowledged (highest revision of each bucket): " + footfall.buckets() + " buckets of "
                + footfall.bucketMinutes() + " min starting in [" + footfall.firstBucketStart() + ", "
                + footfall.bucketsEnd() + ")" + (footfall.accelerated() ? " on an accelerated clock" : "")
                + ", " + footfall.revised() + " of them revised");
        lines.add("    check-ins " + totals.checkIns() + (totals.checkIns() == 0 ? "" : " ("
                + counts(totals.checkInsByCategory()) + "; " + counts(totals.checkInsByPurpose()) + ")"));
        long measured = measurements(totals);
        lines.add("    entries sensed " + totals.entriesSensed() + "; measurements " + measured + (measured == 0 ? ""
                : " (" + counts(totals.measurementsByKind()) + ")"));
        List<UnacknowledgedBucket> missing = footfall.unacknowledged();
        lines.add("  unacknowledged buckets (not counted above): " + (missing.isEmpty() ? "none" : missing.size()
                + " (" + named(missing.stream().map(b -> b.kiosk() + " " + b.bucketStart() + " r" + b.revision())
                        .toList()) + ")"));
        return lines;
    }

    private static String named(List<String> names) {
        return names.stream().limit(NAMED_IN_TEXT).collect(Collectors.joining(", "))
                + (names.size() > NAMED_IN_TEXT ? ", … (" + names.size() + " in all)" : "");
    }

    static long measurements(FootfallCounts counts) {
        return counts.measurementsByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.values().stream().allMatch(n -> n == 0)) {
            return "none";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
