package org.yizhan.provisioning.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code passes}: the visitor pass tools, meant to sit under the top-level {@code yizhan} command. Results go
 * to standard output, messages to standard error; exit codes are 0 for success, 1 when the work failed
 * (unreadable key, refusal to overwrite) and 2 for bad arguments.
 */
@Command(name = "passes",
        description = "Makes signing keys and issues signed visitor passes (QR codes) for the kiosks.",
        mixinStandardHelpOptions = true,
        subcommands = {KeygenCommand.class, IssueCommand.class})
public final class PassesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // a bare "passes" is a request for guidance, answered where messages go
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
