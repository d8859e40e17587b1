package org.yizhan.launcher.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code yizhan command …} in the test's JVM as the launcher would, usage errors reported in one line as
 * {@code Yizhan.commandLine()} does, and keeps what it printed.
 */
final class CliRun {

    final int exit;
    final String out;
    final String err;

    private CliRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SendCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println(e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                    + e.getMessage() + " (see --help)");
            return 2;
        });
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nout: " + out + "\nerr: " + err;
    }
}
