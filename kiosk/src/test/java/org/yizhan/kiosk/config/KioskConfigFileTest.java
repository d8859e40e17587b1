package org.yizhan.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.flow.Language;

class KioskConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void no_file_gives_the_demo_site_trusting_its_own_key() {
        KioskConfig config = KioskConfigFile.load(null, dir);

        assertEquals("demo", config.siteId());
        assertEquals(Duration.ofMinutes(10), config.checkIn().duplicateWindow());
        assertEquals(Duration.ofSeconds(8), config.timings().result());
        assertEquals(Duration.ofSeconds(60), config.timings().maintenance());
        assertEquals(Language.ZH, config.language());
        assertEquals(1, config.trustedPassKeys().size());
        assertTrue(Files.exists(config.trustedPassKeys().get(0)), "the demo key is made on first use");
        assertEquals(dir.resolve("kiosk.db"), config.visitLogFile());
    }

    @Test
    void reads_every_key_and_resolves_paths_against_the_file() throws Exception {
        Path file = write("""
                site.id = pujin
                site.name = 浦锦街道社区服务中心
                kiosk.id = window-1
                passes.trusted-keys = keys/a.jwks, keys/b.jwks
                passes.revocation-list = revoked.txt
                checkin.duplicate-window = 15m
                checkin.default-purpose = charge
                checkin.result-timeout = 5s
                ui.language = en
                ui.large-text = true
                ui.maintenance-timeout = 2m
                time.zone = Asia/Shanghai
                """);

        KioskConfig config = KioskConfigFile.load(file, dir.resolve("data"));

        assertEquals("pujin", config.siteId());
        assertEquals("浦锦街道社区服务中心", config.siteName());
        assertEquals(List.of(dir.resolve("keys/a.jwks"), dir.resolve("keys/b.jwks")), config.trustedPassKeys());
        assertEquals(dir.resolve("revoked.txt"), config.revocationList());
        assertEquals(Duration.ofMinutes(15), config.checkIn().duplicateWindow());
        assertEquals(Purpose.CHARGE, config.checkIn().defaultPurpose());
        assertEquals(Duration.ofSeconds(5), config.timings().result());
        assertEquals(Language.EN, config.language());
        assertTrue(config.largeText());
        assertEquals(Duration.ofMinutes(2), config.timings().maintenance());
        assertEquals(ZoneId.of("Asia/Shanghai"), config.zone());
    }

    @Test
    void a_misspelt_key_is_named() throws Exception {
        Path file = write("checkin.duplicate-windw = 15m\n");

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfigFile.load(file, dir));

        assertTrue(e.getMessage().contains("checkin.duplicate-windw"), e.getMessage());
    }

    @Test
    void a_bad_value_is_named_with_its_key() throws Exception {
        Path file = write("checkin.result-timeout = soon\n");

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfigFile.load(file, dir));

        assertTrue(e.getMessage().startsWith("config key checkin.result-timeout: 'soon'"), e.getMessage());
    }

    @Test
    void an_unknown_purpose_lists_the_known_ones() throws Exception {
        Path file = write("checkin.default-purpose = sleep\n");

        KioskConfigException e = assertThrows(KioskConfigException.class, () -> KioskConfigFile.load(file, dir));

        assertTrue(e.getMessage().contains("rest, charge, health"), e.getMessage());
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("kiosk.conf"), text, StandardCharsets.UTF_8);
    }
}
