package org.yizhan.devices.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes. Meant for commands with short output: the output is read after the
 * command exits, so one that prints more than the pipe holds (64 KiB on Linux) blocks until it times
 * out. Standard input is closed at once; a command that outlives its timeout is killed.
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException | RuntimeException e) {
            return new CommandResult.Failed(e.getMessage());
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult.TimedOut(timeout);
            }
            return new CommandResult.Exited(process.exitValue(),
                    read(process.getInputStream()), read(process.getErrorStream()));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new CommandResult.Failed("interrupted while waiting for " + command.get(0));
        } catch (IOException e) {
            process.destroyForcibly();
            return new CommandResult.Failed("cannot read the output of " + command.get(0) + ": " + e.getMessage());
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }
}
