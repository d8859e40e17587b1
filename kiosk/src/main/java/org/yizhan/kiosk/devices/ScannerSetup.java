package org.yizhan.kiosk.devices;

import java.time.Duration;
import org.yizhan.devices.qr.camera.CameraScannerConfig;
import org.yizhan.devices.qr.evdev.EvdevScannerConfig;
import org.yizhan.devices.qr.serial.SerialScannerConfig;

/** How QR codes reach the kiosk ({@code scanner.kind}). */
public sealed interface ScannerSetup {

    /** The device name on the status board. */
    String name();

    /** The same code again within this window is one scan. */
    Duration repeatWindow();

    /**
     * No scanner of the kiosk's own: a keyboard-wedge scanner types into the window, as on a desk. The
     * default; a kiosk whose scanner is hidden from the desktop by the udev rule needs {@code evdev}.
     */
    record Keyboard() implements ScannerSetup {
        @Override
        public String name() {
            return "scanner";
        }

        @Override
        public Duration repeatWindow() {
            return Duration.ZERO;
        }
    }

    /** A twin fed by the headless {@code scan} command and the demo's scanner window. */
    record Simulated(String name, Duration repeatWindow) implements ScannerSetup {
    }

    record Evdev(EvdevScannerConfig config) implements ScannerSetup {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public Duration repeatWindow() {
            return config.repeatWindow();
        }
    }

    record Serial(SerialScannerConfig config) implements ScannerSetup {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public Duration repeatWindow() {
            return config.repeatWindow();
        }
    }

    /** Frames from the Pi camera or a webcam, decoded on the kiosk. */
    record Camera(CameraScannerConfig config) implements ScannerSetup {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public Duration repeatWindow() {
            return config.repeatWindow();
        }
    }
}
