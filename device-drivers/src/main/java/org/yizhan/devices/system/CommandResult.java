package org.yizhan.devices.system;

import java.time.Duration;

/** How a command run by a {@link CommandRunner} ended. */
public sealed interface CommandResult {

    /** It ran to its end. */
    record Exited(int exitCode, String stdout, String stderr) implements CommandResult {
    }

    /** It did not finish within the timeout and was killed. */
    record TimedOut(Duration timeout) implements CommandResult {
    }

    /** It could not be run, e.g. the program is not installed, or the wait was interrupted. */
    record Failed(String reason) implements CommandResult {
    }
}
