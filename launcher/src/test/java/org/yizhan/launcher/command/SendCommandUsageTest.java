package org.yizhan.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.launcher.CliRun;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.SafeConfigKey;

/** Usage errors: exit 2, one line naming the option, and nothing sent (no broker listens here). */
class SendCommandUsageTest {

    @TempDir
    Path dir;
    private String key;
    /** Nothing listens there; a usage error must be found before connecting. */
    private final String broker = "tcp://127.0.0.1:1";

    @BeforeEach
    void writeKey() throws Exception {
        key = Files.writeString(dir.resolve("command-signing.jwk"), CommandSigningKey.generate().privateJwk())
                .toString();
    }

    @Test
    void without_a_command_name_it_lists_the_names() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1");

        assertUsageError(run, "name the command to send: restart, resync, notice, diagnostics or config-set");
    }

    @Test
    void an_unknown_command_name_is_refused_with_the_names() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "reboot");

        assertUsageError(run, "'reboot' is not a command; the commands are restart, resync");
    }

    @Test
    void missing_options_are_named_together() {
        CliRun run = CliRun.of(new SendCommand(), "restart");

        assertUsageError(run, "missing --key FILE, --broker URL, --kiosk SITE/ID");
    }

    @Test
    void a_bad_kiosk_id_names_the_option_and_the_form() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "kiosk-1", "restart");

        assertUsageError(run, "--kiosk");
        assertTrue(run.err.contains("site/kiosk, e.g. demo/kiosk-1"), run.toString());
    }

    @Test
    void a_missing_key_file_names_the_option() {
        CliRun run = CliRun.of(new SendCommand(), "--key", dir.resolve("nope.jwk").toString(), "--broker", broker, "--kiosk",
                "demo/kiosk-1", "resync");

        assertUsageError(run, "--key: " + dir.resolve("nope.jwk") + ": no such file");
    }

    @Test
    void a_key_file_that_is_not_a_signing_key_names_the_option() throws Exception {
        Path trustFile = Files.writeString(dir.resolve("trusted.jwks"),
                CommandSigningKey.generate().trusted().jwks());

        CliRun run = CliRun.of(new SendCommand(), "--key", trustFile.toString(), "--broker", broker, "--kiosk", "demo/kiosk-1", "resync");

        assertUsageError(run, "--key: " + trustFile + " is not a command signing key: ");
    }

    @Test
    void an_unknown_config_key_is_refused_with_the_keys_a_command_may_change() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "config-set",
                "passes.trusted-keys", "/tmp/mine.jwks");

        assertUsageError(run, "KEY: 'passes.trusted-keys' is not a setting a command may change; the settings are "
                + String.join(", ", SafeConfigKey.KEYS));
    }

    @Test
    void a_config_value_the_key_does_not_accept_is_refused_with_the_reason() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "config-set",
                "checkin.result-timeout", "90s");

        assertUsageError(run, "VALUE: checkin.result-timeout: '90s' is outside 2s to 1m");
    }

    @Test
    void a_notice_needs_exactly_one_of_until_and_for() {
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "notice", "--zh",
                "暂停开放"), "--until");
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "notice", "--zh",
                "暂停开放", "--for", "1h", "--until", "2030-01-01T00:00Z"), "mutually exclusive");
    }

    @Test
    void a_notice_too_long_or_a_time_without_offset_names_the_option() {
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "notice", "--zh",
                "长".repeat(281), "--for", "1h"), "--zh: 281 characters; a notice is at most 280");
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "notice", "--zh",
                "暂停开放", "--until", "2030-01-01T08:00"), "--until");
    }

    @Test
    void validity_wait_and_log_lines_out_of_range_name_their_option() {
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "--valid", "2h",
                "restart"), "--valid: 2h is not between 1s and 1h");
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "restart", "--wait",
                "ten"), "--wait");
        assertUsageError(CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "diagnostics",
                "--log-lines", "5000"), "--log-lines: 5000 is not between 0 and 1000");
    }

    @Test
    void a_broker_that_is_not_a_url_names_the_option() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", "localhost:1883", "--kiosk", "demo/kiosk-1", "resync");

        assertUsageError(run, "--broker: 'localhost:1883' is not a broker URL; write tcp://HOST[:PORT] or"
                + " ssl://HOST[:PORT]");
    }

    @Test
    void a_password_file_that_cannot_be_read_names_the_option() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "--username", "fleet",
                "--password-file", dir.resolve("secret").toString(), "resync");

        assertUsageError(run, "--password-file: cannot read " + dir.resolve("secret") + ": no such file");
    }

    @Test
    void an_unreachable_broker_is_one_line_and_exit_1() {
        CliRun run = CliRun.of(new SendCommand(), "--key", key, "--broker", broker, "--kiosk", "demo/kiosk-1", "resync");

        assertEquals(1, run.exit, run.toString());
        assertTrue(run.err.startsWith("command: cannot connect to tcp://127.0.0.1:1: cannot reach the broker"),
                run.toString());
        assertEquals(1, run.err.strip().lines().count(), run.toString());
        assertEquals("", run.out);
    }

    private static void assertUsageError(CliRun run, String expected) {
        assertEquals(2, run.exit, run.toString());
        assertEquals(1, run.err.strip().lines().count(), run.toString());
        assertTrue(run.err.contains(expected), "expected '" + expected + "' in: " + run);
        assertEquals("", run.out, run.toString());
    }
}
