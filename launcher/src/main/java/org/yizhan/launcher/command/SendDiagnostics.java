package org.yizhan.launcher.command;

import java.util.concurrent.Callable;
import org.yizhan.protocol.command.CommandArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code yizhan command diagnostics [--log-lines N]}: a health snapshot and recent log lines in the answer. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "Asks the kiosk for a health snapshot and its last log lines, printed as a tree.")
final class SendDiagnostics implements Callable<Integer> {

    @ParentCommand
    private SendCommand send;

    @Spec
    private CommandSpec spec;

    @Option(names = "--log-lines", paramLabel = "N",
            description = "How many log lines, 0 to " + CommandArgs.MAX_LOG_LINES + " (default: the kiosk's, "
                    + CommandArgs.DEFAULT_LOG_LINES + ").")
    private Integer logLines;

    @Override
    public Integer call() {
        if (logLines != null && (logLines < 0 || logLines > CommandArgs.MAX_LOG_LINES)) {
            throw new ParameterException(spec.commandLine(), "--log-lines: " + logLines + " is not between 0 and "
                    + CommandArgs.MAX_LOG_LINES);
        }
        return send.send(new CommandArgs.Diagnostics(logLines), spec.commandLine());
    }
}
