package org.yizhan.launcher.command;

import java.util.concurrent.Callable;
import org.yizhan.protocol.command.CommandArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code yizhan command resync}: the kiosk publishes its {@code state} and {@code birth} again. */
@Command(name = "resync", mixinStandardHelpOptions = true,
        description = "Makes the kiosk publish its state and birth again.")
final class SendResync implements Callable<Integer> {

    @ParentCommand
    private SendCommand send;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return send.send(new CommandArgs.Resync(), spec.commandLine());
    }
}
