package org.yizhan.devices.system;

import java.time.Duration;
import java.util.List;

/**
 * Runs a short command such as {@code vcgencmd get_throttled} and returns what it printed. Never throws:
 * a command that cannot start, times out or is interrupted is a {@link CommandResult} too. Safe from any
 * thread.
 */
public interface CommandRunner {

    CommandResult run(List<String> command, Duration timeout);
}
