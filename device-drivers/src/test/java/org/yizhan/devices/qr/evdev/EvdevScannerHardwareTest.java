package org.yizhan.devices.qr.evdev;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.ScannerHardwareCheck;

/** A real keyboard-wedge scanner: {@code YIZHAN_HARDWARE=1 YIZHAN_SCANNER_EVDEV=/dev/input/by-id/…-event-kbd}. */
@Tag("hardware")
class EvdevScannerHardwareTest {

    @Test
    void reads_a_real_scanner_and_finds_it_again_after_a_replug() throws Exception {
        Path device = Path.of(ScannerHardwareCheck.requireHardware("YIZHAN_SCANNER_EVDEV",
                "/dev/input/by-id/usb-…-event-kbd"));

        ScannerHardwareCheck.exercise((board, name) ->
                new EvdevQrScanner(EvdevScannerConfig.defaults(name, device), board));
    }
}
