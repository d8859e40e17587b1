package org.yizhan.fleetsim;

import java.time.Duration;
import java.util.Objects;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.topic.KioskId;

/**
 * How a run of simulated kiosks behaves, validated once. Every complaint starts with the name of the setting, as
 * the command line spells it without its dashes, e.g. {@code kiosks: must be 1 to 100000, not 0}.
 *
 * @param kiosks              how many kiosks
 * @param sites               over how many sites they are spread, evenly and in order
 *                            ({@link FleetLayout})
 * @param sitePrefix          sites are named {@code {sitePrefix}-001}…
 * @param checkInsPerKioskHour the mean check-ins of one kiosk in an hour of bucket time
 * @param healthInterval      between two {@code health} messages of a kiosk (whole seconds, as the contract counts
 *                            them), with a little jitter
 * @param bucketMinutes       the length of a footfall bucket in bucket time: a divisor of 60
 * @param bucketEvery         how much real time one bucket takes: {@code bucketMinutes} for the real clock (buckets
 *                            close on the wall clock's boundaries), less to accelerate it
 * @param revisedShare        the share of buckets sent again with a higher revision and full new counts, as a late
 *                            change would; the same share of those is revised once more, and so on
 * @param eventsPerKioskHour  the mean of occasional events (help button, rejected scans) per kiosk and real hour,
 *                            beside those every kiosk sends (app-started, system problems)
 * @param crashesPerKioskHour the mean crashes per kiosk and real hour: the connection is dropped without
 *                            DISCONNECT and made again after {@code crashPause} with a higher birth sequence
 * @param crashPause          how long a crashed kiosk stays away (±20%)
 * @param kill                how many connected kiosks die for good at {@code killAfter}, without DISCONNECT
 * @param killAfter           when, after the start
 * @param username            the broker user of every kiosk, or null; {@code {site}} and {@code {kiosk}} in it
 *                            are replaced by the kiosk's
 * @param password            the password, or null; the same replacements
 * @param seed                makes a run repeatable: the same kiosks, and the same counts in each bucket; crashes,
 *                            events and kills are drawn from it too, though real time decides their exact order
 * @param connectWindow       at most this many connects (and goodbyes) in flight at once
 */
public record SimulationSettings(
        int kiosks,
        int sites,
        String sitePrefix,
        double checkInsPerKioskHour,
        Duration healthInterval,
        int bucketMinutes,
        Duration bucketEvery,
        double revisedShare,
        double eventsPerKioskHour,
        double crashesPerKioskHour,
        Duration crashPause,
        int kill,
        Duration killAfter,
        String username,
        String password,
        long seed,
        int connectWindow) {

    public static final int MAX_KIOSKS = 100_000;
    public static final int DEFAULT_KIOSKS_PER_SITE = 10;

    public SimulationSettings {
        require(kiosks >= 1 && kiosks <= MAX_KIOSKS, "kiosks: must be 1 to " + MAX_KIOSKS + ", not " + kiosks);
        require(sites >= 1 && sites <= kiosks, "sites: must be 1 to the number of kiosks (" + kiosks + "), not "
                + sites);
        Objects.requireNonNull(sitePrefix, "site-prefix");
        require(sitePrefix.length() <= 50 && validSite(sitePrefix + "-1"), "site-prefix: '" + sitePrefix
                + "' must be up to 50 of a-z, 0-9 and '-', starting with a letter or digit");
        require(Double.isFinite(checkInsPerKioskHour) && checkInsPerKioskHour >= 0 && checkInsPerKioskHour <= 10_000,
                "rate: must be 0 to 10000 check-ins per kiosk and hour, not " + checkInsPerKioskHour);
        Objects.requireNonNull(healthInterval, "health-interval");
        require(healthInterval.toMillis() % 1000 == 0 && healthInterval.compareTo(Duration.ofSeconds(1)) >= 0
                && healthInterval.compareTo(Duration.ofHours(1)) <= 0,
                "health-interval: must be whole seconds from 1s to 1h, not " + healthInterval);
        require(bucketMinutes >= 1 && 60 % bucketMinutes == 0, "bucket-minutes: must divide 60 (1, 2, 3, 4, 5, 6, 10,"
                + " 12, 15, 20, 30 or 60), not " + bucketMinutes);
        Objects.requireNonNull(bucketEvery, "bucket-every");
        require(bucketEvery.compareTo(Duration.ofMillis(100)) >= 0
                && bucketEvery.compareTo(Duration.ofMinutes(bucketMinutes)) <= 0,
                "bucket-every: must be from 100ms to the bucket's own length (" + bucketMinutes + "m), not "
                        + bucketEvery);
        require(revisedShare >= 0 && revisedShare < 1, "revised-share: must be at least 0 and below 1, not "
                + revisedShare);
        require(Double.isFinite(eventsPerKioskHour) && eventsPerKioskHour >= 0 && eventsPerKioskHour <= 3600,
                "events-rate: must be 0 to 3600 per kiosk and hour, not " + eventsPerKioskHour);
        require(Double.isFinite(crashesPerKioskHour) && crashesPerKioskHour >= 0 && crashesPerKioskHour <= 3600,
                "crash-rate: must be 0 to 3600 per kiosk and hour, not " + crashesPerKioskHour);
        Objects.requireNonNull(crashPause, "crash-pause");
        require(!crashPause.isNegative() && crashPause.compareTo(Duration.ofHours(1)) <= 0,
                "crash-pause: must be 0s to 1h, not " + crashPause);
        require(kill >= 0 && kill <= kiosks, "kill: must be 0 to the number of kiosks (" + kiosks + "), not " + kill);
        Objects.requireNonNull(killAfter, "kill-after");
        require(!killAfter.isNegative(), "kill-after: must not be negative");
        require(connectWindow >= 1 && connectWindow <= 10_000, "connect-window: must be 1 to 10000, not "
                + connectWindow);
    }

    public static Builder builder(int kiosks) {
        return new Builder(kiosks);
    }

    /** The sites the kiosks are spread over by default: one for every ten kiosks, rounded up. */
    public static int defaultSites(int kiosks) {
        return Math.max(1, (kiosks + DEFAULT_KIOSKS_PER_SITE - 1) / DEFAULT_KIOSKS_PER_SITE);
    }

    /** Whether buckets pass faster than the wall clock. */
    public boolean acceleratedBuckets() {
        return !bucketEvery.equals(Duration.ofMinutes(bucketMinutes));
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The contract's rule for a site, asked of {@link KioskId} itself. */
    private static boolean validSite(String site) {
        try {
            new KioskId(site, "kiosk-1");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The settings with their defaults: a kiosk's own (health every 30 s, 15-minute buckets on the wall clock). */
    public static final class Builder {
        private final int kiosks;
        private int sites;
        private String sitePrefix = "sim";
        private double checkInsPerKioskHour = 12;
        private Duration healthInterval = Duration.ofSeconds(30);
        private int bucketMinutes = Footfall.DEFAULT_BUCKET_MINUTES;
        private Duration bucketEvery;
        private double revisedShare = 0.1;
        private double eventsPerKioskHour = 1;
        private double crashesPerKioskHour;
        private Duration crashPause = Duration.ofSeconds(5);
        private int kill;
        private Duration killAfter = Duration.ZERO;
        private String username;
        private String password;
        private long seed = 1;
        private int connectWindow = 200;

        private Builder(int kiosks) {
            this.kiosks = kiosks;
            this.sites = defaultSites(Math.max(1, kiosks));
        }

        public Builder sites(int value) {
            sites = value;
            return this;
        }

        public Builder sitePrefix(String value) {
            sitePrefix = value;
            return this;
        }

        public Builder checkInsPerKioskHour(double value) {
            checkInsPerKioskHour = value;
            return this;
        }

        public Builder healthInterval(Duration value) {
            healthInterval = value;
            return this;
        }

        public Builder bucketMinutes(int value) {
            bucketMinutes = value;
            return this;
        }

        /** Real time per bucket; without it buckets follow the wall clock. */
        public Builder bucketEvery(Duration value) {
            bucketEvery = value;
            return this;
        }

        public Builder revisedShare(double value) {
            revisedShare = value;
            return this;
        }

        public Builder eventsPerKioskHour(double value) {
            eventsPerKioskHour = value;
            return this;
        }

        public Builder crashes(double perKioskHour, Duration pause) {
            crashesPerKioskHour = perKioskHour;
            crashPause = pause;
            return this;
        }

        public Builder kill(int count, Duration after) {
            kill = count;
            killAfter = after;
            return this;
        }

        public Builder credentials(String user, String pass) {
            username = user;
            password = pass;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder connectWindow(int value) {
            connectWindow = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that is out of range */
        public SimulationSettings build() {
            Duration every = bucketEvery == null ? Duration.ofMinutes(bucketMinutes) : bucketEvery;
            return new SimulationSettings(kiosks, sites, sitePrefix, checkInsPerKioskHour, healthInterval,
                    bucketMinutes, every, revisedShare, eventsPerKioskHour, crashesPerKioskHour, crashPause, kill,
                    killAfter, username, password, seed, connectWindow);
        }
    }
}
