package org.yizhan.devices.system;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A probe's reading with its verdict.
 *
 * @param health   what was read
 * @param problems what is wrong, most severe first; empty when the Pi is healthy
 */
public record SystemReport(SystemHealth health, List<SystemProblem> problems) {

    public SystemReport {
        Objects.requireNonNull(health, "health");
        problems = List.copyOf(problems);
    }

    public Optional<SystemProblem> worst() {
        return problems.stream().findFirst();
    }
}
