package org.yizhan.devices.qr.serial;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.ScannerHardwareCheck;

/**
 * A real serial scanner: {@code YIZHAN_HARDWARE=1 YIZHAN_SCANNER_SERIAL=/dev/ttyACM0}, with
 * {@code YIZHAN_SCANNER_BAUD} and {@code YIZHAN_SCANNER_TERMINATOR} when they differ from 9600 and CR.
 */
@Tag("hardware")
class SerialScannerHardwareTest {

    @Test
    void reads_a_real_scanner_and_finds_it_again_after_a_replug() throws Exception {
        String port = ScannerHardwareCheck.requireHardware("YIZHAN_SCANNER_SERIAL", "/dev/ttyACM0");
        String baud = System.getenv().getOrDefault("YIZHAN_SCANNER_BAUD", "9600");
        String terminator = System.getenv().getOrDefault("YIZHAN_SCANNER_TERMINATOR", "CR");

        ScannerHardwareCheck.exercise((board, name) -> {
            SerialScannerConfig defaults = SerialScannerConfig.defaults(name, port);
            return new SerialQrScanner(new SerialScannerConfig(name, port, Integer.parseInt(baud),
                    Terminator.parse(terminator), defaults.repeatWindow(), defaults.reconnectInterval()), board);
        });
    }
}
