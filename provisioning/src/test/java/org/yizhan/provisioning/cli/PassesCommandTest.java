package org.yizhan.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassCheck;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.PassVerifier;
import org.yizhan.provisioning.pass.QrImages;
import org.yizhan.provisioning.pass.RevocationList;
import org.yizhan.provisioning.pass.TrustedPassKeys;
import org.yizhan.provisioning.pass.VisitorCategory;
import org.yizhan.provisioning.pass.VisitorPass;
import picocli.CommandLine;

class PassesCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run passes(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new PassesCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void keygen_writes_a_private_key_and_its_trust_file_and_names_them_in_one_line() throws Exception {
        // given
        Path out = dir.resolve("keys");

        // when
        Run run = passes("keygen", "--out", out.toString());

        // then
        assertEquals(0, run.exitCode(), run.err());
        PassSigningKey key = PassSigningKey.read(out.resolve("pass-signing.jwk"));
        assertEquals(List.of(key.keyId()), List.copyOf(TrustedPassKeys.read(out.resolve("trusted-pass-keys.jwks")).keyIds()));
        assertEquals(1, run.outLines().size(), run.out());
        String line = run.outLines().get(0);
        assertTrue(line.contains(key.keyId()) && line.contains(out.resolve("pass-signing.jwk").toString())
                && line.contains(out.resolve("trusted-pass-keys.jwks").toString()), line);
        assertEquals("", run.err());
        if (posix(out)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("pass-signing.jwk"))));
        }
    }

    @Test
    void keygen_refuses_to_overwrite_an_existing_key() throws Exception {
        // given
        assertEquals(0, passes("keygen", "--out", dir.toString()).exitCode());
        byte[] key = Files.readAllBytes(dir.resolve("pass-signing.jwk"));

        // when
        Run run = passes("keygen", "--out", dir.toString());

        // then
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("refusing to overwrite"), run.err());
        assertArrayEquals(key, Files.readAllBytes(dir.resolve("pass-signing.jwk")));
    }

    @Test
    void issue_prints_only_a_pass_that_the_demo_sites_trusted_keys_accept() {
        // given
        Path data = dir.resolve("data");

        // when
        Run run = passes("issue", "--data", data.toString(), "--subject", "v-42", "--category", "courier", "--valid", "30d");

        // then
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.outLines().size(), run.out());
        VisitorPass pass = verify(run.outLines().get(0), TrustedPassKeys.read(DemoSite.ensure(data).trustedKeysFile()));
        assertEquals("v-42", pass.subject());
        assertEquals(VisitorCategory.COURIER, pass.category());
        assertEquals("demo", pass.site());
        assertEquals(Duration.ofDays(30), Duration.between(pass.issuedAt(), pass.expiresAt()));
    }

    @Test
    void issue_signs_with_a_key_file_for_the_site_given() {
        // given
        passes("keygen", "--out", dir.toString());

        // when
        Run run = passes("issue", "--key", dir.resolve("pass-signing.jwk").toString(), "--site", "sz-nanshan-01",
                "--subject", "v-7", "--category", "STAFF", "--valid", "PT8H");

        // then
        assertEquals(0, run.exitCode(), run.err());
        VisitorPass pass = verify(run.out().strip(), TrustedPassKeys.read(dir.resolve("trusted-pass-keys.jwks")));
        assertEquals("sz-nanshan-01", pass.site());
        assertEquals(VisitorCategory.STAFF, pass.category());
    }

    @Test
    void issue_writes_a_qr_code_that_scans_back_to_the_printed_pass() throws Exception {
        // given
        Path png = dir.resolve("pass.png");

        // when
        Run run = passes("issue", "--data", dir.toString(), "--subject", "v-42", "--category", "rider", "--valid", "12h",
                "--png", png.toString());

        // then
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(run.out().strip(), QrImages.decode(png));
    }

    @Test
    void issue_refuses_an_unknown_category_listing_the_valid_ones() {
        Run run = passes("issue", "--data", dir.toString(), "--subject", "v-42", "--category", "admin", "--valid", "30d");

        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("'admin' is not a visitor category; use one of resident, rider, courier, visitor, staff"),
                run.err());
    }

    @Test
    void issue_refuses_a_bad_duration_with_the_usual_message() {
        Run run = passes("issue", "--data", dir.toString(), "--subject", "v-42", "--category", "rider", "--valid", "a month");

        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("'a month' is not a duration; write it like 8s, 10m, 12h, 30d or PT10M"), run.err());
    }

    @Test
    void issue_refuses_a_subject_the_verifier_would_reject() {
        Run run = passes("issue", "--data", dir.toString(), "--subject", "张三", "--category", "rider", "--valid", "1d");

        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("subject must be"), run.err());
    }

    @Test
    void issue_needs_exactly_one_of_key_and_data() {
        Run neither = passes("issue", "--subject", "v-42", "--category", "rider", "--valid", "1d");
        Run both = passes("issue", "--key", "k.jwk", "--data", dir.toString(), "--subject", "v-42", "--category", "rider",
                "--valid", "1d");

        assertEquals(CommandLine.ExitCode.USAGE, neither.exitCode());
        assertEquals(CommandLine.ExitCode.USAGE, both.exitCode());
        assertTrue(neither.err().contains("--key") && neither.err().contains("--data"), neither.err());
    }

    @Test
    void issue_reports_a_missing_key_file_in_one_line() {
        Path missing = dir.resolve("absent.jwk");

        Run run = passes("issue", "--key", missing.toString(), "--subject", "v-42", "--category", "rider", "--valid", "1d");

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(missing.toString()), run.err());
    }

    @Test
    void without_a_subcommand_shows_the_usage_on_stderr() {
        Run run = passes();

        assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("keygen") && run.err().contains("issue"), run.err());
    }

    static VisitorPass verify(String token, TrustedPassKeys keys) {
        PassCheck check = new PassVerifier(keys, RevocationList.empty(), Clock.systemUTC(), Duration.ofMinutes(1)).verify(token);
        return assertInstanceOf(PassCheck.Valid.class, check, check::toString).pass();
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
