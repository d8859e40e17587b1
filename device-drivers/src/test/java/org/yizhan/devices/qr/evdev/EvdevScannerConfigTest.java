package org.yizhan.devices.qr.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvdevScannerConfigTest {

    @ParameterizedTest(name = "os.arch {0} reads {1}-byte records")
    @CsvSource({"aarch64, 24", "amd64, 24", "x86_64, 24", "riscv64, 24", "arm, 16", "armv7l, 16", "x86, 16", "i386, 16"})
    void the_record_size_follows_the_jvms_architecture(String osArch, int recordSize) {
        assertEquals(recordSize, EvdevScannerConfig.recordSizeFor(osArch));
    }

    @Test
    void defaults_read_the_us_layout_and_look_again_every_second() {
        EvdevScannerConfig config = EvdevScannerConfig.defaults("scanner", Path.of("/dev/yizhan-scanner"));

        assertEquals("us", config.keymap().name());
        assertEquals(Duration.ofSeconds(1), config.reconnectInterval());
        assertEquals(EvdevScannerConfig.recordSizeFor(System.getProperty("os.arch")), config.recordSize());
    }

    @Test
    void a_record_size_linux_does_not_have_is_refused_naming_the_setting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new EvdevScannerConfig("scanner", Path.of("/dev/yizhan-scanner"), 32, Keymap.us(),
                        Duration.ofSeconds(2), Duration.ofSeconds(1)));

        assertTrue(refused.getMessage().contains("scanner.record-size"), refused.getMessage());
    }
}
