package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class YizhanCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Yizhan.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void help_lists_every_command() {
        assertEquals(0, run("--help"));

        for (String command : new String[] {"demo", "kiosk", "passes", "bench"}) {
            assertTrue(out.toString().contains(command), command + " missing from:\n" + out);
        }
    }

    @Test
    void an_unknown_command_is_one_line_and_fails() {
        assertEquals(2, run("fly"));

        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("fly"), err.toString());
    }

    @Test
    void a_bad_flag_of_a_subcommand_names_the_subcommand() {
        assertEquals(2, run("kiosk", "--headles"));

        assertTrue(err.toString().startsWith("yizhan kiosk: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void bad_configuration_is_one_line_naming_the_key() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("yizhan-cli");
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("kiosk.conf"), "ui.langauge = en\n");

        assertEquals(1, run("kiosk", "stats", "--data", dir.toString(), "--config", config.toString()));

        assertTrue(err.toString().contains("ui.langauge"), err.toString());
    }
}
