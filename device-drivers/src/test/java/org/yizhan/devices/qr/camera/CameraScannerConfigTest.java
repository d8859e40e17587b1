package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraScannerConfigTest {

    @Test
    void no_keys_give_the_pi_camera_at_640_by_480() {
        CameraScannerConfig config = CameraScannerConfig.fromKeys("scanner", Map.of());

        assertEquals(List.of("rpicam-vid", "-t", "0", "-n", "--codec", "yuv420", "--width", "640", "--height", "480",
                "--framerate", "15", "-o", "-"), config.command());
        assertEquals(FrameFormat.YUV420, config.format());
        assertEquals(460_800, config.frameBytes());
    }

    @Test
    void recovers_within_five_seconds_by_default() {
        CameraScannerConfig config = CameraScannerConfig.defaults("scanner");

        // A stall is noticed after stallTimeout; a camera back is restarted within maxRestartDelay.
        assertTrue(config.stallTimeout().plus(config.maxRestartDelay()).compareTo(Duration.ofSeconds(5)) <= 0,
                config.toString());
    }

    @Test
    void the_default_command_follows_the_configured_size() {
        CameraScannerConfig config = CameraScannerConfig.fromKeys("scanner",
                Map.of("scanner.width", "1280", "scanner.height", "720"));

        assertTrue(config.command().containsAll(List.of("1280", "720")), config.command().toString());
        assertEquals(1280 * 720 * 3 / 2, config.frameBytes());
    }

    @Test
    void a_webcam_through_ffmpeg_in_gray() {
        CameraScannerConfig config = CameraScannerConfig.fromKeys("scanner", Map.of(
                "scanner.command", "ffmpeg -f v4l2 -video_size 640x480 -i /dev/video0 -f rawvideo -pix_fmt gray -",
                "scanner.format", "gray"));

        assertEquals(CameraScannerConfig.v4l2Command("/dev/video0", 640, 480).get(0), config.command().get(0));
        assertEquals("-", config.command().get(config.command().size() - 1));
        assertEquals(640 * 480, config.frameBytes());
    }

    @Test
    void quoted_arguments_keep_their_spaces() {
        assertEquals(List.of("sh", "-c", "exec rpicam-vid -o -", "it's"),
                CameraScannerConfig.splitCommand("sh -c 'exec rpicam-vid -o -' \"it's\""));
    }

    @Test
    void bad_values_are_refused_naming_their_key() {
        assertMessage("scanner.width", Map.of("scanner.width", "wide"));
        assertMessage("scanner.height", Map.of("scanner.height", "8"));
        assertMessage("scanner.format", Map.of("scanner.format", "mjpeg"));
        assertMessage("scanner.command", Map.of("scanner.command", "  "));
        assertMessage("scanner.command", Map.of("scanner.command", "sh -c 'unclosed"));
    }

    private static void assertMessage(String key, Map<String, String> keys) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CameraScannerConfig.fromKeys("scanner", keys));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
}
