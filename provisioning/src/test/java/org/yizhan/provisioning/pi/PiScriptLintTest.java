package org.yizhan.provisioning.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Pi's scripts pass {@code shellcheck} and its unit passes {@code systemd-analyze verify}; each test skips
 * itself with a message when its tool is not installed.
 */
@Tag("interop")
class PiScriptLintTest {

    private static final Pattern MISSING_COMMAND =
            Pattern.compile(".*: Command (/\\S+) is not executable: No such file or directory");

    @Test
    void the_scripts_pass_shellcheck() throws Exception {
        Path shellcheck = Scripts.installedOrSkip("shellcheck", "shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--severity=style"));
        try (Stream<Path> files = Files.walk(Scripts.PI)) {
            files.filter(file -> file.toString().endsWith(".sh")).map(Path::toString).sorted().forEach(command::add);
        }
        assertTrue(command.contains(Scripts.INSTALL.toString()), command.toString());

        Scripts.Result result = Scripts.run(command);

        assertEquals(0, result.exitCode(), result.out() + result.err());
    }

    /**
     * The unit names programs of the Pi ({@code cage}, {@code chvt}) that this machine may not have: only
     * that complaint, about a program really absent here, is forgiven.
     */
    @Test
    void the_unit_passes_systemd_analyze_verify() throws Exception {
        Path analyze = Scripts.installedOrSkip("systemd-analyze", "systemd");
        Path unit = Scripts.FILES.resolve("systemd/yizhan-kiosk.service");

        Scripts.Result result = Scripts.run(List.of(analyze.toString(), "verify", unit.toString()));

        List<String> complaints = new ArrayList<>();
        for (String line : (result.out() + result.err()).lines().toList()) {
            Matcher missing = MISSING_COMMAND.matcher(line);
            if (!(missing.matches() && !Files.exists(Path.of(missing.group(1))))) {
                complaints.add(line);
            }
        }
        assertEquals(List.of(), complaints);
        assertTrue(result.exitCode() == 0 || result.err().contains("is not executable"), result.err());
    }
}
