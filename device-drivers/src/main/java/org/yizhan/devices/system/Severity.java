package org.yizhan.devices.system;

/** How bad a {@link SystemProblem} is, from least to most severe. */
public enum Severity {
    /** Needs a look on the next visit: the kiosk still works. */
    WARNING,
    /** Needs a maintainer soon: check-ins or records are at risk. */
    ERROR
}
