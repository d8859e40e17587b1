package org.yizhan.devices.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers every command with a canned result and remembers what it was asked. */
final class FakeCommandRunner implements CommandRunner {

    static final String MISSING = "Cannot run program \"vcgencmd\": error=2, No such file or directory";

    final List<List<String>> commands = new CopyOnWriteArrayList<>();
    final List<Duration> timeouts = new CopyOnWriteArrayList<>();
    volatile CommandResult result;

    FakeCommandRunner(CommandResult result) {
        this.result = result;
    }

    static FakeCommandRunner printing(String stdout) {
        return new FakeCommandRunner(new CommandResult.Exited(0, stdout, ""));
    }

    static FakeCommandRunner missing() {
        return new FakeCommandRunner(new CommandResult.Failed(MISSING));
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        commands.add(List.copyOf(command));
        timeouts.add(timeout);
        return result;
    }
}
