package org.yizhan.devices.qr.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yizhan.devices.qr.ScanFilter;

/**
 * How a camera scanner is set up. Read from the kiosk's configuration with {@link #fromKeys}:
 * <ul>
 *   <li>{@code scanner.kind=camera} selects it (checked by the caller, which picks the scanner family);</li>
 *   <li>{@code scanner.command}: the camera program and its arguments, separated by spaces, with single
 *       or double quotes around an argument that holds spaces; no shell. Default: {@code rpicam-vid} for
 *       the configured size (see {@link #rpicamCommand});</li>
 *   <li>{@code scanner.width}, {@code scanner.height}: the frame size the command writes (default 640×480);</li>
 *   <li>{@code scanner.format}: {@code yuv420} (default) or {@code gray}.</li>
 * </ul>
 * The kiosk's {@code scanner.repeat-window}, a duration, is its to parse: pass it to {@link #withRepeatWindow}.
 *
 * @param name            the device name on the status board, e.g. {@code scanner}
 * @param command         the camera program and its arguments
 * @param repeatWindow    the same code again within this time is the same scan ({@link ScanFilter})
 * @param stallTimeout    no frame for this long means the camera is gone: it is stopped and restarted
 * @param restartDelay    the wait before the first restart; doubled on each failure up to {@code maxRestartDelay}
 * @param maxRestartDelay the longest wait between restarts
 * @param decodeBudget    the decoder's time budget per frame ({@link QrFrameDecoder})
 */
public record CameraScannerConfig(
        String name,
        List<String> command,
        int width,
        int height,
        FrameFormat format,
        Duration repeatWindow,
        Duration stallTimeout,
        Duration restartDelay,
        Duration maxRestartDelay,
        Duration decodeBudget) {

    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    public static final int DEFAULT_FRAME_RATE = 15;

    public CameraScannerConfig {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        Objects.requireNonNull(format, "format");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("scanner.command is empty");
        }
        if (width < 16 || height < 16 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("scanner.width and scanner.height must be 16 to 4096, not "
                    + width + "×" + height);
        }
        for (Duration d : List.of(repeatWindow, stallTimeout, restartDelay, maxRestartDelay, decodeBudget)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("scanner durations must be positive, not " + d);
            }
        }
        if (maxRestartDelay.compareTo(restartDelay) < 0) {
            throw new IllegalArgumentException("the longest restart delay " + maxRestartDelay
                    + " is shorter than the first " + restartDelay);
        }
    }

    /**
     * The Pi camera at 640×480, YUV420, 15 frames a second, with the repeat window every scanner has.
     * Restarts within two seconds of a camera coming back, a stall noticed after three, so that a replugged
     * camera is scanning again within five.
     */
    public static CameraScannerConfig defaults(String name) {
        return new CameraScannerConfig(name, rpicamCommand(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FRAME_RATE),
                DEFAULT_WIDTH, DEFAULT_HEIGHT, FrameFormat.YUV420, ScanFilter.DEFAULT_REPEAT_WINDOW,
                Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(2), QrFrameDecoder.DEFAULT_BUDGET);
    }

    /**
     * {@code rpicam-vid} writing raw YUV420 frames to standard output, forever, without a preview window.
     * Its rows are padded to the ISP's alignment, so keep {@code width} a multiple of 64 (640 is).
     */
    public static List<String> rpicamCommand(int width, int height, int frameRate) {
        return List.of("rpicam-vid", "-t", "0", "-n", "--codec", "yuv420", "--width", Integer.toString(width),
                "--height", Integer.toString(height), "--framerate", Integer.toString(frameRate), "-o", "-");
    }

    /** {@code ffmpeg} reading a V4L2 webcam, writing gray frames to standard output: {@link FrameFormat#GRAY}. */
    public static List<String> v4l2Command(String device, int width, int height) {
        return List.of("ffmpeg", "-loglevel", "error", "-f", "v4l2", "-video_size", width + "x" + height, "-i", device,
                "-f", "rawvideo", "-pix_fmt", "gray", "-");
    }

    /**
     * The configuration from the kiosk's {@code scanner.*} keys; absent keys take their defaults. A bad
     * value is refused with an {@link IllegalArgumentException} naming its key.
     */
    public static CameraScannerConfig fromKeys(String name, Map<String, String> keys) {
        CameraScannerConfig defaults = defaults(name);
        int width = positive(keys, "scanner.width", defaults.width());
        int height = positive(keys, "scanner.height", defaults.height());
        FrameFormat format = defaults.format();
        String formatKey = keys.get("scanner.format");
        if (formatKey != null) {
            try {
                format = FrameFormat.fromKey(formatKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scanner.format: " + e.getMessage(), e);
            }
        }
        List<String> command = rpicamCommand(width, height, DEFAULT_FRAME_RATE);
        String commandLine = keys.get("scanner.command");
        if (commandLine != null) {
            command = splitCommand(commandLine);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("scanner.command: empty");
            }
        }
        return new CameraScannerConfig(name, command, width, height, format, defaults.repeatWindow(),
                defaults.stallTimeout(), defaults.restartDelay(), defaults.maxRestartDelay(), defaults.decodeBudget());
    }

    public CameraScannerConfig withCommand(List<String> newCommand) {
        return new CameraScannerConfig(name, newCommand, width, height, format, repeatWindow, stallTimeout,
                restartDelay, maxRestartDelay, decodeBudget);
    }

    public CameraScannerConfig withFrame(int newWidth, int newHeight, FrameFormat newFormat) {
        return new CameraScannerConfig(name, command, newWidth, newHeight, newFormat, repeatWindow, stallTimeout,
                restartDelay, maxRestartDelay, decodeBudget);
    }

    /** The same configuration with another repeat window: the kiosk's {@code scanner.repeat-window}. */
    public CameraScannerConfig withRepeatWindow(Duration newRepeatWindow) {
        return new CameraScannerConfig(name, command, width, height, format, newRepeatWindow, stallTimeout,
                restartDelay, maxRestartDelay, decodeBudget);
    }

    /** The same configuration with other recovery timings: tests use milliseconds. */
    public CameraScannerConfig withTimings(Duration newStallTimeout, Duration newRestartDelay,
            Duration newMaxRestartDelay) {
        return new CameraScannerConfig(name, command, width, height, format, repeatWindow, newStallTimeout,
                newRestartDelay, newMaxRestartDelay, decodeBudget);
    }

    public int frameBytes() {
        return format.frameBytes(width, height);
    }

    private static int positive(Map<String, String> keys, String key, int fallback) {
        String value = keys.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 16 || parsed > 4096) {
                throw new IllegalArgumentException(key + ": " + parsed + " is outside 16 to 4096");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number", e);
        }
    }

    /** Splits a command line at spaces, keeping quoted parts ('…' or "…") together, quotes removed. */
    static List<String> splitCommand(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("scanner.command: unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
