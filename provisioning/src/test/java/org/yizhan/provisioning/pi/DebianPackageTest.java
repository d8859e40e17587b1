package org.yizhan.provisioning.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provisioning/pi/build-deb.sh} makes an arm64 package with everything {@code install.sh} would put
 * on the Pi, read back with {@code dpkg-deb}. Skips itself where bash or dpkg-deb is missing.
 */
class DebianPackageTest {

    @TempDir
    Path tmp;

    private Path build;

    @BeforeEach
    void a_kiosk_built_for_the_pi() throws IOException {
        build = Files.createDirectories(tmp.resolve("target/lib")).getParent();
        Files.writeString(build.resolve("yizhan-launcher.jar"), "not really a jar");
        Files.writeString(build.resolve("lib/javafx-graphics-21.0.12-linux-aarch64.jar"), "");
        Files.writeString(build.resolve("lib/sqlite-jdbc-3.54.1.0.jar"), "");
    }

    private Scripts.Result buildDeb(String... options) throws Exception {
        Path bash = Scripts.installedOrSkip("bash", "bash");
        Scripts.installedOrSkip("dpkg-deb", "dpkg");
        List<String> command = new ArrayList<>(List.of(bash.toString(), Scripts.BUILD_DEB.toString()));
        command.addAll(List.of(options));
        return Scripts.run(command);
    }

    private static String dpkgDeb(String option, Path deb) throws Exception {
        Scripts.Result result = Scripts.run(List.of("dpkg-deb", option, deb.toString()));
        assertEquals(0, result.exitCode(), result.err());
        return result.out();
    }

    @Test
    void the_package_is_arm64_depends_on_what_the_kiosk_needs_and_holds_the_kiosk_its_unit_and_config()
            throws Exception {
        Path deb = tmp.resolve("yizhan-kiosk.deb");

        Scripts.Result result = buildDeb("--from", build.toString(), "--version", "0.1.0", "--out", deb.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("wrote " + deb) && result.out().contains("2 jars"), result.out());
        String info = dpkgDeb("--info", deb);
        assertTrue(info.contains(" Package: yizhan-kiosk"), info);
        assertTrue(info.contains(" Version: 0.1.0"), info);
        assertTrue(info.contains(" Architecture: arm64"), info);
        for (String dependency : List.of("openjdk-17-jre-headless", "libgtk-3-0", "cage", "xwayland",
                "fonts-noto-cjk")) {
            assertTrue(info.contains(dependency), dependency + " missing from:\n" + info);
        }
        for (String script : List.of("postinst", "prerm", "postrm", "conffiles")) {
            assertTrue(info.contains(" " + script), script + " missing from:\n" + info);
        }
        String contents = dpkgDeb("--contents", deb);
        for (String file : List.of("./opt/yizhan/yizhan-launcher.jar",
                "./opt/yizhan/lib/javafx-graphics-21.0.12-linux-aarch64.jar",
                "./lib/systemd/system/yizhan-kiosk.service", "./etc/yizhan/kiosk.env",
                "./etc/pam.d/yizhan-kiosk", "./etc/systemd/journald.conf.d/60-yizhan.conf",
                "./etc/udev/rules.d/70-yizhan-devices.rules")) {
            assertTrue(contents.contains(" " + file + "\n"), file + " missing from:\n" + contents);
        }
        assertTrue(contents.lines().allMatch(line -> line.contains(" root/root ")), "owned by root:\n" + contents);
    }

    @Test
    void a_build_for_another_machine_or_a_version_debian_refuses_is_refused_before_packing() throws Exception {
        Scripts.Result badVersion = buildDeb("--from", build.toString(), "--version", "v1");
        Files.move(build.resolve("lib/javafx-graphics-21.0.12-linux-aarch64.jar"),
                build.resolve("lib/javafx-graphics-21.0.12-linux.jar"));
        Scripts.Result x86 = buildDeb("--from", build.toString(), "--version", "0.1.0",
                "--out", tmp.resolve("x.deb").toString());

        assertEquals(1, badVersion.exitCode());
        assertTrue(badVersion.err().contains("--version must start with a digit"), badVersion.err());
        assertEquals(1, x86.exitCode());
        assertTrue(x86.err().contains("-Djavafx.platform=linux-aarch64"), x86.err());
        assertTrue(Files.notExists(tmp.resolve("x.deb")));
    }
}
