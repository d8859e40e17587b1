package org.yizhan.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.ble.BleHealthDeviceConfig;
import org.yizhan.devices.health.serial.SerialHealthDeviceConfig;
import org.yizhan.kiosk.config.KioskConfigException;

/** The device keys of a kiosk configuration, as a maintainer writes them in docs/devices.md. */
class DevicesConfigFileTest {

    private static final Path BASE = Path.of("/etc/yizhan");
    private static final Path DATA = Path.of("/var/lib/yizhan");

    private static DevicesConfig parse(Map<String, String> keys) {
        return DevicesConfigFile.parse(keys, BASE, DATA);
    }

    private static String error(Map<String, String> keys) {
        return assertThrows(KioskConfigException.class, () -> parse(keys)).getMessage();
    }

    @Test
    void nothing_configured_means_the_window_keyboard_no_pins_and_no_health_devices() {
        DevicesConfig config = parse(Map.of("site.id", "demo"));

        assertInstanceOf(ScannerSetup.Keyboard.class, config.scanner());
        assertTrue(config.health().isEmpty());
        assertEquals(DATA, config.system().dataDir());
    }

    @Test
    void an_evdev_scanner_takes_its_device_record_size_and_keymap() {
        DevicesConfig config = parse(Map.of("scanner.kind", "evdev", "scanner.device", "/dev/yizhan-scanner",
                "scanner.record-size", "16", "scanner.keymap", "de", "scanner.repeat-window", "3s"));

        ScannerSetup.Evdev evdev = assertInstanceOf(ScannerSetup.Evdev.class, config.scanner());
        assertEquals(Path.of("/dev/yizhan-scanner"), evdev.config().device());
        assertEquals(16, evdev.config().recordSize());
        assertEquals("de", evdev.config().keymap().name());
        assertEquals(Duration.ofSeconds(3), evdev.repeatWindow());
    }

    @Test
    void a_serial_scanner_takes_its_port_baud_and_terminator() {
        DevicesConfig config = parse(Map.of("scanner.kind", "serial", "scanner.device", "/dev/ttyACM0",
                "scanner.baud", "115200", "scanner.terminator", "CRLF"));

        ScannerSetup.Serial serial = assertInstanceOf(ScannerSetup.Serial.class, config.scanner());
        assertEquals("/dev/ttyACM0", serial.config().port());
        assertEquals(115200, serial.config().baud());
        assertEquals("CRLF", serial.config().terminator().label());
    }

    @Test
    void a_camera_scanner_takes_its_command_and_frame_size() {
        DevicesConfig config = parse(Map.of("scanner.kind", "camera", "scanner.width", "1280", "scanner.height", "720",
                "scanner.command", "ffmpeg -f v4l2 -i /dev/video0 -f rawvideo -pix_fmt gray -", "scanner.format", "gray"));

        ScannerSetup.Camera camera = assertInstanceOf(ScannerSetup.Camera.class, config.scanner());
        assertEquals(1280, camera.config().width());
        assertEquals("ffmpeg", camera.config().command().get(0));
    }

    @Test
    void health_devices_are_built_in_the_configured_order_with_their_transports() {
        DevicesConfig config = parse(Map.of("health.devices", "bp, scale, thermo",
                "health.bp.kind", "ble", "health.bp.profile", "blood-pressure", "health.bp.address", "a4:c1:38:0a:0b:0c",
                "health.scale.kind", "serial", "health.scale.profile", "weight-scale",
                "health.scale.port", "/dev/serial/by-id/usb-bridge",
                "health.thermo.kind", "simulated", "health.thermo.profile", "thermometer"));

        assertEquals(3, config.health().size());
        BleHealthDeviceConfig bp = assertInstanceOf(BleHealthDeviceConfig.class,
                config.health().get(0).transport().orElseThrow());
        assertEquals("A4:C1:38:0A:0B:0C", bp.address().orElseThrow());
        SerialHealthDeviceConfig scale = assertInstanceOf(SerialHealthDeviceConfig.class,
                config.health().get(1).transport().orElseThrow());
        assertEquals("/dev/serial/by-id/usb-bridge", scale.port());
        assertTrue(config.health().get(2).transport().isEmpty());
        assertEquals(HealthProfile.THERMOMETER, config.health().get(2).profile());
    }

    @Test
    void the_voice_is_on_unless_switched_off() {
        assertTrue(parse(Map.of()).voice());
        assertTrue(parse(Map.of("voice.enabled", "true")).voice());
        assertFalse(parse(Map.of("voice.enabled", "false")).voice());
    }

    @Test
    void every_mistake_names_its_key() {
        assertTrue(error(Map.of("scanner.kind", "laser")).startsWith("config key scanner.kind:"));
        assertTrue(error(Map.of("scanner.kind", "evdev")).startsWith("config key scanner.device is missing"));
        assertTrue(error(Map.of("scanner.kind", "evdev", "scanner.device", "/dev/x", "scanner.record-size", "32"))
                .startsWith("config key scanner."));
        assertTrue(error(Map.of("scanner.kind", "evdev", "scanner.device", "/dev/x", "scanner.baud", "9600"))
                .startsWith("config key scanner.baud does not apply to kind evdev"));
        assertTrue(error(Map.of("scanner.colour", "red")).startsWith("unknown config key scanner.colour"));
        assertTrue(error(Map.of("scanner.kind", "camera", "scanner.width", "wide")).startsWith("config key scanner."));
        assertTrue(error(Map.of("gpio.door", "4", "gpio.buzzer", "4")).startsWith("config key gpio."));
        assertTrue(error(Map.of("health.devices", "bp", "health.bp.kind", "ble", "health.bp.profile", "pulse"))
                .startsWith("config key health.bp.profile:"));
        assertTrue(error(Map.of("health.devices", "bp", "health.bp.kind", "ble", "health.bp.profile",
                "blood-pressure", "health.bp.address", "nearby")).startsWith("config key health.bp.address:"));
        assertTrue(error(Map.of("health.stray.kind", "ble")).startsWith("unknown config key health.stray.kind"));
        assertTrue(error(Map.of("system.probe-interval", "0s")).startsWith("config key system.probe-interval"));
        assertEquals("config key voice.enabled: 'yes' is not true or false", error(Map.of("voice.enabled", "yes")));
        assertTrue(error(Map.of("voice.volume", "11")).startsWith("unknown config key voice.volume"));
    }
}
