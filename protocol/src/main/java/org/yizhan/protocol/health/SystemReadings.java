package org.yizhan.protocol.health;

/**
 * The Pi's own health as the system probe read it. Every value is null when it could not be read (not a
 * Pi, no such file, a garbled reading): a missing number is never sent as 0.
 *
 * @param cpuCelsius            SoC temperature in °C
 * @param underVoltageNow       the supply is below 4.63 V now (firmware or kernel alarm)
 * @param underVoltageSinceBoot under-voltage has occurred since boot; where the kernel's {@code rpi_volt}
 *                              driver clears the firmware's sticky bits, read it as "recently"
 * @param throttledNow          the firmware is throttling the CPU now
 * @param load1                 load average over 1 minute (a Pi 4 or 5 has 4 cores)
 * @param load5                 over 5 minutes
 * @param load15                over 15 minutes
 * @param memoryTotalMb         total memory in MiB
 * @param memoryAvailableMb     memory available to new work in MiB
 * @param dataFreeMb            space the kiosk can still write on its data partition, in MiB
 * @param dataFreePercent       the same as a share of the partition, 0–100
 * @param ext4Errors            errors the ext4 file system of the data partition has recorded
 * @param readOnly              the data partition is mounted read-only or refused the write check
 * @param uptimeSeconds         time since boot
 * @param emmcLifeUsedPercent   the lower bound of the eMMC's used life (the worse of its two estimates,
 *                              in steps of 10; 100 once exceeded); null for SD cards, which do not say
 * @param emmcPreEol            the eMMC's reserved blocks: {@code normal}, {@code warning} (80% used) or
 *                              {@code urgent}; null for SD cards
 */
public record SystemReadings(
        Double cpuCelsius,
        Boolean underVoltageNow,
        Boolean underVoltageSinceBoot,
        Boolean throttledNow,
        Double load1,
        Double load5,
        Double load15,
        Long memoryTotalMb,
        Long memoryAvailableMb,
        Long dataFreeMb,
        Double dataFreePercent,
        Long ext4Errors,
        Boolean readOnly,
        Long uptimeSeconds,
        Integer emmcLifeUsedPercent,
        String emmcPreEol) {

    /** Nothing known. */
    public static final SystemReadings UNKNOWN = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Collects readings one by one; a value not set stays unknown. Not thread-safe. */
    public static final class Builder {
        private Double cpuCelsius;
        private Boolean underVoltageNow;
        private Boolean underVoltageSinceBoot;
        private Boolean throttledNow;
        private Double load1;
        private Double load5;
        private Double load15;
        private Long memoryTotalMb;
        private Long memoryAvailableMb;
        private Long dataFreeMb;
        private Double dataFreePercent;
        private Long ext4Errors;
        private Boolean readOnly;
        private Long uptimeSeconds;
        private Integer emmcLifeUsedPercent;
        private String emmcPreEol;

        private Builder() {
        }

        public Builder cpuCelsius(Double value) {
            cpuCelsius = value;
            return this;
        }

        public Builder underVoltage(Boolean now, Boolean sinceBoot) {
            underVoltageNow = now;
            underVoltageSinceBoot = sinceBoot;
            return this;
        }

        public Builder throttledNow(Boolean value) {
            throttledNow = value;
            return this;
        }

        public Builder load(double one, double five, double fifteen) {
            load1 = one;
            load5 = five;
            load15 = fifteen;
            return this;
        }

        public Builder memoryMb(long total, long available) {
            memoryTotalMb = total;
            memoryAvailableMb = available;
            return this;
        }

        public Builder dataFree(long mb, double percent) {
            dataFreeMb = mb;
            dataFreePercent = percent;
            return this;
        }

        public Builder ext4Errors(Long value) {
            ext4Errors = value;
            return this;
        }

        public Builder readOnly(Boolean value) {
            readOnly = value;
            return this;
        }

        public Builder uptimeSeconds(Long value) {
            uptimeSeconds = value;
            return this;
        }

        public Builder emmcWear(Integer lifeUsedPercent, String preEol) {
            emmcLifeUsedPercent = lifeUsedPercent;
            emmcPreEol = preEol;
            return this;
        }

        public SystemReadings build() {
            return new SystemReadings(cpuCelsius, underVoltageNow, underVoltageSinceBoot, throttledNow, load1, load5,
                    load15, memoryTotalMb, memoryAvailableMb, dataFreeMb, dataFreePercent, ext4Errors, readOnly,
                    uptimeSeconds, emmcLifeUsedPercent, emmcPreEol);
        }
    }
}
