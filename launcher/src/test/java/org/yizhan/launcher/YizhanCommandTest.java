package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        for (String command : new String[] {"demo", "kiosk", "devices", "passes", "bench", "broker", "command",
            "provision", "fleet", "fleet-sim"}) {
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

    @Test
    void devices_lists_every_simulated_device_connected(@TempDir Path dir) {
        assertEquals(0, run("devices", "--simulate", "--settle", "0s", "--data", dir.toString()));

        List<String> lines = out.toString().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("DEVICE"), out.toString());
        assertEquals(12, lines.size(), out.toString());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.split("\\s+")[1].equals("connected")), out.toString());
    }

    @Test
    void devices_that_cannot_be_reached_are_listed_absent_with_the_reason_and_fail(@TempDir Path dir)
            throws Exception {
        Path config = Files.writeString(dir.resolve("kiosk.conf"),
                "scanner.kind = evdev\nscanner.device = " + dir.resolve("no-such-scanner") + "\n");

        assertEquals(1, run("devices", "--settle", "1s", "--data", dir.toString(), "--config", config.toString()));

        String scanner = out.toString().lines().filter(line -> line.startsWith("scanner")).findFirst().orElseThrow();
        assertTrue(scanner.contains("absent") && scanner.contains("no-such-scanner"), out.toString());
    }

    @Test
    void a_device_key_with_a_bad_value_is_one_line_naming_it(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("kiosk.conf"), "gpio.door = 4\ngpio.buzzer = 4\n");

        assertEquals(1, run("devices", "--simulate", "--data", dir.toString(), "--config", config.toString()));

        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("gpio.buzzer") || err.toString().contains("gpio.door"), err.toString());
    }
}
