package org.yizhan.devices.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reading of the Pi's own health. Every value carries its unit in its name or type; a value the
 * probe could not read is empty, never a guessed number. {@link SystemHealthRules} turns it into
 * problems.
 *
 * @param probedAt          when the probe ran
 * @param cpuCelsius        SoC temperature (hwmon {@code cpu_thermal}, else thermal zone 0)
 * @param throttling        the firmware's throttling word from {@code vcgencmd get_throttled}
 * @param underVoltageAlarm the kernel's under-voltage alarm (hwmon {@code rpi_volt}, {@code in0_lcrit_alarm})
 * @param load              run-queue load averages
 * @param memory            total and available memory
 * @param dataSpace         size and usable space of the file system holding the data directory
 * @param dataPartition     the mount holding the data directory
 * @param ext4ErrorCount    errors the ext4 file system of the data partition has recorded since it was made
 * @param writeCheck        the latest write–read check of the data directory
 * @param uptime            time since boot
 * @param storageWear       eMMC wear of the disk holding the data partition; empty for SD cards and
 *                          other storage that does not report it
 */
public record SystemHealth(
        Instant probedAt,
        Optional<Double> cpuCelsius,
        Optional<ThrottleState> throttling,
        Optional<Boolean> underVoltageAlarm,
        Optional<LoadAverage> load,
        Optional<MemoryReading> memory,
        Optional<DiskSpace> dataSpace,
        Optional<DataPartition> dataPartition,
        Optional<Long> ext4ErrorCount,
        Optional<WriteCheck> writeCheck,
        Optional<Duration> uptime,
        Optional<StorageWear> storageWear) {

    public SystemHealth {
        Objects.requireNonNull(probedAt, "probedAt");
        Objects.requireNonNull(cpuCelsius, "cpuCelsius");
        Objects.requireNonNull(throttling, "throttling");
        Objects.requireNonNull(underVoltageAlarm, "underVoltageAlarm");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(dataSpace, "dataSpace");
        Objects.requireNonNull(dataPartition, "dataPartition");
        Objects.requireNonNull(ext4ErrorCount, "ext4ErrorCount");
        Objects.requireNonNull(writeCheck, "writeCheck");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(storageWear, "storageWear");
    }

    /** Under-voltage at the moment of the probe, by either the kernel's alarm or the firmware's word. */
    public boolean underVoltageNow() {
        return underVoltageAlarm.orElse(false)
                || throttling.map(t -> t.has(ThrottleFlag.UNDER_VOLTAGE_NOW)).orElse(false);
    }

    /** A reading at {@code probedAt} in which nothing is known yet. */
    public static Builder builder(Instant probedAt) {
        return new Builder(probedAt);
    }

    public Builder toBuilder() {
        return new Builder(probedAt)
                .cpuCelsius(cpuCelsius.orElse(null))
                .throttling(throttling.orElse(null))
                .underVoltageAlarm(underVoltageAlarm.orElse(null))
                .load(load.orElse(null))
                .memory(memory.orElse(null))
                .dataSpace(dataSpace.orElse(null))
                .dataPartition(dataPartition.orElse(null))
                .ext4ErrorCount(ext4ErrorCount.orElse(null))
                .writeCheck(writeCheck.orElse(null))
                .uptime(uptime.orElse(null))
                .storageWear(storageWear.orElse(null));
    }

    /** Collects readings one by one; {@code null} means unknown. Not thread-safe. */
    public static final class Builder {
        private Instant probedAt;
        private Double cpuCelsius;
        private ThrottleState throttling;
        private Boolean underVoltageAlarm;
        private LoadAverage load;
        private MemoryReading memory;
        private DiskSpace dataSpace;
        private DataPartition dataPartition;
        private Long ext4ErrorCount;
        private WriteCheck writeCheck;
        private Duration uptime;
        private StorageWear storageWear;

        private Builder(Instant probedAt) {
            this.probedAt = Objects.requireNonNull(probedAt, "probedAt");
        }

        public Builder probedAt(Instant value) {
            probedAt = Objects.requireNonNull(value, "probedAt");
            return this;
        }

        public Builder cpuCelsius(Double value) {
            cpuCelsius = value;
            return this;
        }

        public Builder throttling(ThrottleState value) {
            throttling = value;
            return this;
        }

        public Builder underVoltageAlarm(Boolean value) {
            underVoltageAlarm = value;
            return this;
        }

        public Builder load(LoadAverage value) {
            load = value;
            return this;
        }

        public Builder memory(MemoryReading value) {
            memory = value;
            return this;
        }

        public Builder dataSpace(DiskSpace value) {
            dataSpace = value;
            return this;
        }

        public Builder dataPartition(DataPartition value) {
            dataPartition = value;
            return this;
        }

        public Builder ext4ErrorCount(Long value) {
            ext4ErrorCount = value;
            return this;
        }

        public Builder writeCheck(WriteCheck value) {
            writeCheck = value;
            return this;
        }

        public Builder uptime(Duration value) {
            uptime = value;
            return this;
        }

        public Builder storageWear(StorageWear value) {
            storageWear = value;
            return this;
        }

        public SystemHealth build() {
            return new SystemHealth(probedAt, Optional.ofNullable(cpuCelsius), Optional.ofNullable(throttling),
                    Optional.ofNullable(underVoltageAlarm), Optional.ofNullable(load), Optional.ofNullable(memory),
                    Optional.ofNullable(dataSpace), Optional.ofNullable(dataPartition),
                    Optional.ofNullable(ext4ErrorCount), Optional.ofNullable(writeCheck),
                    Optional.ofNullable(uptime), Optional.ofNullable(storageWear));
        }
    }
}
