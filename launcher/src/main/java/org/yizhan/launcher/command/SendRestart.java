package org.yizhan.launcher.command;

import java.util.concurrent.Callable;
import org.yizhan.protocol.command.CommandArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code yizhan command restart}: the kiosk answers, then restarts its application (systemd starts it again). */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restarts the kiosk application; the kiosk answers first.")
final class SendRestart implements Callable<Integer> {

    @ParentCommand
    private SendCommand send;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return send.send(new CommandArgs.Restart(), spec.commandLine());
    }
}
