package org.yizhan.launcher;

import java.io.PrintWriter;
import org.yizhan.kiosk.cli.DevicesCommand;
import org.yizhan.kiosk.cli.KioskCommand;
import org.yizhan.kiosk.config.KioskConfigException;
import org.yizhan.launcher.bench.BenchCommand;
import org.yizhan.launcher.broker.BrokerCommand;
import org.yizhan.launcher.command.SendCommand;
import org.yizhan.launcher.fleet.FleetCommand;
import org.yizhan.launcher.fleetsim.FleetSimCommand;
import org.yizhan.launcher.qr.QrCommand;
import org.yizhan.provisioning.cli.PassesCommand;
import org.yizhan.provisioning.cli.ProvisionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code yizhan} command: one entry point for the kiosk, visitor passes, the demo and benchmarks.
 * Usage errors and bad configuration end in one line on stderr naming what is wrong, and a non-zero exit
 * (2 for usage, 1 for everything else); stack traces are for bugs only.
 */
@Command(name = "yizhan", mixinStandardHelpOptions = true, versionProvider = Yizhan.Version.class,
        description = "Kiosk software for the 24-hour self-service windows of community service centres.",
        subcommands = {DemoCommand.class, KioskCommand.class, DevicesCommand.class, PassesCommand.class,
            QrCommand.class, BenchCommand.class, BrokerCommand.class, SendCommand.class, ProvisionCommand.class,
            FleetCommand.class, FleetSimCommand.class})
public final class Yizhan implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /**
     * The launcher's logging configuration, under a name of its own: the embedded broker's jar carries a
     * {@code logback.xml} too, and two of them on the class path make logback print its status to standard
     * output, which in headless mode must carry events only.
     */
    static final String LOGGING_CONFIGURATION = "yizhan-logback.xml";

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return withHandlers(new CommandLine(new Yizhan()));
    }

    /** {@code cli} with the launcher's handling of usage errors and bad configuration (see the class comment). */
    static CommandLine withHandlers(CommandLine cli) {
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof KioskConfigException || e instanceof IllegalArgumentException) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Yizhan.class.getPackage().getImplementationVersion();
            return new String[] {"yizhan " + (version == null ? "(development build)" : version)};
        }
    }
}
