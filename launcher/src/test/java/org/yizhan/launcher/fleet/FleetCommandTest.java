package org.yizhan.launcher.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.protocol.command.CommandSigningKey;
import picocli.CommandLine;

class FleetCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = new CommandLine(new FleetCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void passwd_adds_a_maintainer_and_changes_a_password_in_an_owner_only_file() throws Exception {
        Path users = tmp.resolve("console/maintainers");

        assertEquals(0, run("first-password\n", "passwd", "--users", users.toString(), "wang.li"));
        assertEquals(0, run("other-password\n", "passwd", "--users", users.toString(), "zhao.min"));
        assertEquals(0, run("second-password\n", "passwd", "--users", users.toString(), "wang.li"));

        Maintainers maintainers = Maintainers.read(users);
        assertTrue(maintainers.verify("wang.li", "second-password".toCharArray()));
        assertFalse(maintainers.verify("wang.li", "first-password".toCharArray()));
        assertTrue(maintainers.verify("zhao.min", "other-password".toCharArray()));
        assertTrue(out.toString().contains("changed the password of wang.li"), out.toString());
        assertFalse(Files.readString(users).contains("password"), "hashes only");
        if (users.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        }
    }

    @Test
    void passwd_refuses_a_short_password() {
        assertEquals(2, run("short\n", "passwd", "--users", tmp.resolve("m").toString(), "wang.li"));
        assertTrue(err.toString().contains("at least 8 characters"), err.toString());
    }

    @Test
    void the_console_without_maintainers_says_how_to_add_one() throws Exception {
        Path key = Files.writeString(tmp.resolve("command-signing.jwk"), CommandSigningKey.generate().privateJwk());

        int status = run("", "--broker", "tcp://127.0.0.1:1", "--command-key", key.toString(), "--data",
                tmp.resolve("data").toString());

        assertEquals(2, status);
        assertTrue(err.toString().contains("yizhan fleet passwd --users"), err.toString());
    }

    @Test
    void the_console_needs_the_fleets_command_key() {
        Path users = tmp.resolve("maintainers");
        run("a-long-password\n", "passwd", "--users", users.toString(), "wang.li");

        int status = run("", "--broker", "tcp://127.0.0.1:1", "--users", users.toString());

        assertEquals(2, status);
        assertTrue(err.toString().contains("--fleet-dir or --command-key"), err.toString());
    }
}
