package org.yizhan.devices.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A system probe whose readings are set by hand, for the headless kiosk and tests. It starts as a
 * healthy Pi 5 on a 32 GB SD card (so no wear is known); {@link #update} changes any reading, and a few
 * shorthands set the ones a support engineer reaches for. The throttling word goes through the same
 * parser as {@code vcgencmd} output, and the verdict and status reporting are the real ones
 * ({@link SystemHealthRules}, {@link SystemProbeMonitor}).
 *
 * <p>There is no unplug: the machine the kiosk runs on cannot be absent.
 *
 * <p>Safe from any thread; each {@link #probe} sees all changes made before it.
 */
public final class SimulatedSystemProbe implements SystemProbe {

    private static final long GIB = 1024L * 1024 * 1024;

    private final Clock clock;
    private SystemHealth readings;

    public SimulatedSystemProbe(Clock clock) {
        this.clock = clock;
        this.readings = healthyPi(clock);
    }

    /** The readings of a healthy Pi 5 with 4 GB on a 32 GB SD card, three days after boot. */
    public static SystemHealth healthyPi(Clock clock) {
        return SystemHealth.builder(clock.instant())
                .cpuCelsius(48.3)
                .throttling(new ThrottleState(0))
                .underVoltageAlarm(false)
                .load(new LoadAverage(0.21, 0.18, 0.12))
                .memory(new MemoryReading(4 * GIB, 3 * GIB, false))
                .dataSpace(new DiskSpace(29 * GIB, 21 * GIB))
                .dataPartition(new DataPartition("/", "/dev/mmcblk0p2", "ext4", false, Optional.of("mmcblk0p2")))
                .ext4ErrorCount(0L)
                .writeCheck(WriteCheck.passed(clock.instant()))
                .uptime(Duration.ofDays(3))
                .build();
    }

    @Override
    public synchronized SystemHealth probe() {
        SystemHealth.Builder now = readings.toBuilder().probedAt(clock.instant());
        // A simulated write check is performed on each probe, as the real one is when it is due.
        readings.writeCheck().ifPresent(check -> now.writeCheck(check.passed()
                ? WriteCheck.passed(clock.instant()) : WriteCheck.failed(check.failure(), clock.instant())));
        return now.build();
    }

    /** Changes readings, e.g. {@code update(h -> h.cpuCelsius(86.0).ext4ErrorCount(2L))}. */
    public synchronized void update(UnaryOperator<SystemHealth.Builder> change) {
        readings = Objects.requireNonNull(change.apply(readings.toBuilder()), "change").build();
    }

    /** Back to a healthy Pi. */
    public synchronized void reset() {
        readings = healthyPi(clock);
    }

    public void cpuCelsius(Double celsius) {
        update(h -> h.cpuCelsius(celsius));
    }

    /**
     * The throttling word as {@code vcgencmd get_throttled} would print it ({@code throttled=0x50005});
     * output the real parser refuses makes the word unknown, as on the Pi.
     */
    public void vcgencmdOutput(String output) {
        update(h -> h.throttling(ThrottleState.parseVcgencmd(output).orElse(null)));
    }

    /**
     * Remounts the data partition read-only, as ext4 does after an error with {@code errors=remount-ro},
     * or back to read-write.
     */
    public void readOnly(boolean readOnly) {
        update(h -> {
            SystemHealth current = h.build();
            current.dataPartition().ifPresent(p -> h.dataPartition(new DataPartition(
                    p.mountPoint(), p.source(), p.fileSystemType(), readOnly, p.blockDevice())));
            return h.writeCheck(readOnly
                    ? WriteCheck.failed("FileSystemException: .yizhan-write-check: Read-only file system",
                            clock.instant())
                    : WriteCheck.passed(clock.instant()));
        });
    }
}
