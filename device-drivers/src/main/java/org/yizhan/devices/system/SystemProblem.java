package org.yizhan.devices.system;

import java.util.Objects;

/**
 * One thing wrong with the Pi, found by {@link SystemHealthRules}.
 *
 * @param kind     what is wrong, stable for telemetry and translations
 * @param severity how bad it is
 * @param text     what a maintainer reads, in English, with the measured value
 */
public record SystemProblem(Kind kind, Severity severity, String text) {

    public SystemProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** The kinds of problem, each with the code telemetry uses. */
    public enum Kind {
        UNDER_VOLTAGE_NOW("under-voltage-now"),
        UNDER_VOLTAGE_OCCURRED("under-voltage-occurred"),
        CPU_HOT("cpu-hot"),
        CPU_THROTTLED("cpu-throttled"),
        DATA_NOT_WRITABLE("data-not-writable"),
        DATA_SPACE_LOW("data-space-low"),
        EXT4_ERRORS("ext4-errors"),
        STORAGE_WORN("storage-worn"),
        MEMORY_LOW("memory-low"),
        PROBE_FAILED("probe-failed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
