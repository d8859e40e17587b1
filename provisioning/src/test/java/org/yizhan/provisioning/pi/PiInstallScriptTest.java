package org.yizhan.provisioning.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provisioning/pi/install.sh --dry-run} on this machine (no root, not a Pi): it must list every step
 * of turning a Pi into a kiosk and change nothing. Skips itself when bash is missing.
 */
class PiInstallScriptTest {

    @TempDir
    Path build;

    private Path fleetKeys;

    @BeforeEach
    void a_built_kiosk() throws IOException {
        Files.createDirectories(build.resolve("lib"));
        Files.writeString(build.resolve("yizhan-launcher.jar"), "not really a jar");
        Files.writeString(build.resolve("lib/javafx-graphics-21.0.12-linux-aarch64.jar"), "");
        Files.writeString(build.resolve("lib/sqlite-jdbc-3.54.1.0.jar"), "");
        fleetKeys = Files.writeString(build.resolve("trusted-command-keys.jwks"), "{\"keys\":[]}");
    }

    /** A dry run of the kiosk built in {@code build}, for a Pi to be enrolled at first start, plus {@code more}. */
    private Scripts.Result dryRun(String... more) throws Exception {
        List<String> options = new ArrayList<>(List.of("--dry-run", "--from", build.toString(), "--fleet-keys",
                fleetKeys.toString()));
        options.addAll(List.of(more));
        return install(options.toArray(String[]::new));
    }

    private Scripts.Result install(String... options) throws Exception {
        Path bash = Scripts.installedOrSkip("bash", "bash");
        List<String> command = new ArrayList<>(List.of(bash.toString(), Scripts.INSTALL.toString()));
        command.addAll(List.of(options));
        return Scripts.run(command);
    }

    @Test
    void a_dry_run_lists_every_step_in_order_and_ends_saying_nothing_changed() throws Exception {
        Scripts.Result result = dryRun("--scanner-usb", "05E0:1200",
                "--read-only-root");

        assertEquals(0, result.exitCode(), result.err());
        List<String> steps = result.lines().stream().filter(line -> line.startsWith("== ")).toList();
        assertEquals(List.of(
                "== 1. check the machine",
                "== 2. install the Java runtime, JavaFX's libraries and the kiosk compositor",
                "== 3. create the yizhan system user",
                "== 4. install the kiosk into /opt/yizhan (the previous one is kept in /opt/yizhan.old)",
                "== 5. configuration in /etc/yizhan and data in /var/lib/yizhan",
                "== 6. udev rules: serial devices to dialout, gpiochip to gpio, the scanner",
                "== 7. journal in RAM, at most 64M",
                "== 8. kiosk session: yizhan-kiosk.service (cage + Xwayland on tty1), started at boot",
                "== 9. read-only root (overlay), from the next reboot",
                "== 10. done"), steps);
        assertEquals("   dry run: nothing was changed", result.lines().get(result.lines().size() - 1));
    }

    @Test
    void a_dry_run_shows_the_commands_and_the_files_it_would_write() throws Exception {
        Scripts.Result result = dryRun("--scanner-usb", "05E0:1200",
                "--read-only-root");

        String out = result.out();
        String apt = line(out, "+ env DEBIAN_FRONTEND=noninteractive apt-get install ");
        for (String pkg : List.of("openjdk-17-jre-headless", "libgtk-3-0", "cage", "xwayland", "fonts-noto-cjk")) {
            assertTrue((apt + " ").contains(" " + pkg + " "), pkg + " missing from: " + apt);
        }
        assertTrue(out.contains("+ useradd --system --user-group --home-dir /var/lib/yizhan")
                || out.contains("user yizhan exists"), out);
        assertTrue(out.contains("+ usermod --append --groups gpio,dialout,input,video,audio,bluetooth,render yizhan"),
                out);
        assertTrue(out.contains("+ install -m 0644 " + build.toRealPath().resolve("yizhan-launcher.jar")
                + " /opt/yizhan.new/"), out);
        assertTrue(out.contains("   2 jars in lib/"), out);
        assertTrue(out.contains("+ mv /opt/yizhan.new /opt/yizhan"), out);
        assertTrue(out.contains("+ install -m 0644 -o root -g root " + fleetKeys.toRealPath()
                + " /etc/yizhan/trusted-command-keys.jwks"), out);
        assertTrue(out.contains("at first start the kiosk asks for its enrolment code")
                || out.contains("kept /var/lib/yizhan/kiosk.conf"), out);
        assertTrue(out.contains("ATTRS{idVendor}==\"05e0\", ATTRS{idProduct}==\"1200\""), out);
        assertTrue(out.contains("ENV{LIBINPUT_IGNORE_DEVICE}=\"1\""), out);
        assertTrue(out.contains("+ systemctl enable yizhan-kiosk.service"), out);
        assertTrue(out.contains("+ systemctl restart yizhan-kiosk.service"), out);
        assertTrue(out.contains("+ raspi-config nonint enable_overlayfs"), out);
        assertTrue(out.contains("/var/lib/yizhan is not a separate writable mount")
                || !Files.isDirectory(Path.of("/var/lib/yizhan")), out);
    }

    @Test
    void every_file_a_dry_run_would_write_is_a_file_of_provisioning_pi() throws Exception {
        Scripts.Result result = dryRun("--scanner-usb", "05e0:1200");

        Matcher write = Pattern.compile("(?m)^write (\\S+) \\(mode [^)]*\\) from (\\S+)").matcher(result.out());
        List<String> written = new ArrayList<>();
        while (write.find()) {
            assertTrue(Files.isRegularFile(Scripts.PI.resolve(write.group(2))), write.group());
            written.add(write.group(1));
        }
        assertTrue(written.containsAll(List.of(
                "/etc/udev/rules.d/70-yizhan-devices.rules",
                "/etc/udev/rules.d/70-yizhan-scanner.rules",
                "/etc/systemd/journald.conf.d/60-yizhan.conf",
                "/etc/pam.d/yizhan-kiosk",
                "/etc/systemd/system/yizhan-kiosk.service")), written.toString());
    }

    @Test
    void without_options_it_writes_no_scanner_rule_and_leaves_the_root_writable() throws Exception {
        Scripts.Result result = dryRun();

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("no --scanner-usb: scanner rule not written"), result.out());
        assertFalse(result.out().contains("70-yizhan-scanner.rules"), result.out());
        assertFalse(result.out().contains("overlay"), result.out());
    }

    @Test
    void a_build_without_the_pi_natives_is_pointed_out() throws Exception {
        Files.delete(build.resolve("lib/javafx-graphics-21.0.12-linux-aarch64.jar"));
        Files.writeString(build.resolve("lib/javafx-graphics-21.0.12-linux.jar"), "");

        Scripts.Result result = dryRun();

        assertTrue(result.out().contains("JavaFX natives: not linux-aarch64"), result.out());
        assertTrue(result.out().contains("-Djavafx.platform=linux-aarch64"), result.out());
    }

    @Test
    void refuses_a_missing_build_and_a_malformed_scanner_id_naming_the_option() throws Exception {
        Scripts.Result noFrom = install("--dry-run");
        Scripts.Result empty = install("--dry-run", "--from", build.resolve("lib").toString());
        Scripts.Result badId = dryRun("--scanner-usb", "05e0-1200");

        assertEquals(1, noFrom.exitCode());
        assertTrue(noFrom.err().contains("--from DIR is required"), noFrom.err());
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("no yizhan-launcher.jar"), empty.err());
        assertEquals(1, badId.exitCode());
        assertTrue(badId.err().contains("--scanner-usb must be VVVV:PPPP"), badId.err());
        assertEquals("", badId.out());
    }

    @Test
    void a_kiosk_enrolled_already_gets_its_config_password_and_keys_owner_only() throws Exception {
        Path kiosk = Files.createDirectories(build.resolve("fleet/kiosks/pujin.k-1"));
        for (String file : List.of("kiosk.conf", "mqtt-password", "trusted-command-keys.jwks",
                "trusted-pass-keys.jwks")) {
            Files.writeString(kiosk.resolve(file), "x");
        }

        Scripts.Result result = install("--dry-run", "--from", build.toString(), "--kiosk", kiosk.toString());

        assertEquals(0, result.exitCode(), result.err());
        if (!Files.exists(Path.of("/var/lib/yizhan/kiosk.conf"))) {
            for (String file : List.of("kiosk.conf", "mqtt-password", "trusted-pass-keys.jwks")) {
                assertTrue(result.out().contains("+ install -m 0600 -o yizhan -g yizhan " + kiosk.toRealPath()
                        .resolve(file) + " /var/lib/yizhan/" + file), result.out());
            }
        }
    }

    @Test
    void a_pi_that_is_no_kiosk_yet_needs_the_fleet_keys_or_an_enrolled_kiosk() throws Exception {
        Path bash = Scripts.installedOrSkip("bash", "bash");
        assumeFalse(Files.exists(Path.of("/var/lib/yizhan/kiosk.conf")),
                "this machine is a kiosk");
        Scripts.Result neither = Scripts.run(List.of(bash.toString(), Scripts.INSTALL.toString(), "--dry-run",
                "--from", build.toString()));
        Scripts.Result both = dryRun("--kiosk", build.toString());
        Scripts.Result noKiosk = Scripts.run(List.of(bash.toString(), Scripts.INSTALL.toString(), "--dry-run",
                "--from", build.toString(), "--kiosk", build.toString()));

        assertEquals(1, neither.exitCode());
        assertTrue(neither.err().contains("give --fleet-keys FILE"), neither.err());
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
        assertEquals(1, noKiosk.exitCode());
        assertTrue(noKiosk.err().contains("no kiosk.conf"), noKiosk.err());
    }

    @Test
    void the_unit_restarts_the_kiosk_forever_and_kills_one_that_stops_pinging_the_watchdog() throws Exception {
        List<String> unit = Files.readAllLines(Scripts.FILES.resolve("systemd/yizhan-kiosk.service"));

        assertTrue(unit.containsAll(List.of("Type=notify", "NotifyAccess=all", "WatchdogSec=30", "Restart=always",
                "RestartSec=2", "StartLimitIntervalSec=0", "User=yizhan")), unit.toString());
        String exec = unit.stream().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertTrue(exec.startsWith("ExecStart=/usr/bin/cage -- /usr/bin/java "), exec);
        assertTrue(exec.endsWith("kiosk --data /var/lib/yizhan --config /var/lib/yizhan/kiosk.conf"
                + " --fleet-keys /etc/yizhan/trusted-command-keys.jwks"), exec);
    }

    @Test
    void the_journal_stays_in_ram_and_is_capped() throws Exception {
        List<String> conf = Files.readAllLines(Scripts.FILES.resolve("journald/60-yizhan.conf"));

        assertTrue(conf.containsAll(List.of("[Journal]", "Storage=volatile", "RuntimeMaxUse=64M")), conf.toString());
    }

    @Test
    void no_file_of_provisioning_pi_carries_a_path_of_the_machine_it_was_written_on() throws Exception {
        try (Stream<Path> files = Files.walk(Scripts.PI)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (String machine : List.of("/home/", "/work/", "/tmp/", "/root/")) {
                    assertFalse(text.contains(machine), file + " mentions " + machine);
                }
            }
        }
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
    }
}
