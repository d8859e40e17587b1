package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Real child processes, through /bin/sh, which every Linux and the Pi have. */
@EnabledOnOs(OS.LINUX)
class ProcessCommandRunnerTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @BeforeAll
    static void warmUp() {
        // The first fork of a JVM loads the process machinery; keep that out of the timeout test.
        new ProcessCommandRunner().run(List.of("true"), GENEROUS);
    }

    @Test
    void returns_what_a_command_printed_and_its_exit_code() {
        CommandResult result = runner.run(List.of("sh", "-c", "echo throttled=0x50005"), GENEROUS);

        assertEquals(new CommandResult.Exited(0, "throttled=0x50005\n", ""), result);
    }

    @Test
    void returns_a_failing_exit_code_with_what_went_to_stderr() {
        CommandResult result = runner.run(List.of("sh", "-c", "echo 'VCHI initialization failed' >&2; exit 255"),
                GENEROUS);

        assertEquals(new CommandResult.Exited(255, "", "VCHI initialization failed\n"), result);
    }

    @Test
    void a_program_that_is_not_installed_fails_with_the_reason() {
        CommandResult result = runner.run(List.of("yizhan-no-such-program", "get_throttled"), GENEROUS);

        CommandResult.Failed failed = assertInstanceOf(CommandResult.Failed.class, result);
        assertTrue(failed.reason().contains("yizhan-no-such-program"), failed.reason());
    }

    @Test
    void a_command_that_hangs_is_killed_at_its_timeout() {
        CommandResult result = runner.run(List.of("sleep", "600"), Duration.ofMillis(300));

        assertEquals(new CommandResult.TimedOut(Duration.ofMillis(300)), result);
    }

    @Test
    void closes_standard_input_so_a_command_reading_it_ends() {
        CommandResult result = runner.run(List.of("cat"), GENEROUS);

        assertEquals(new CommandResult.Exited(0, "", ""), result);
    }
}
