package org.yizhan.devices.qr.camera;

import java.util.Locale;

/** How a camera's raw frames are laid out on its output; the decoder reads only the luminance. */
public enum FrameFormat {
    /** Planar YUV 4:2:0 (I420) as {@code rpicam-vid --codec yuv420} writes it: Y plane, then U and V at half size. */
    YUV420,
    /** One byte of luminance per pixel, as {@code ffmpeg -pix_fmt gray} writes it. */
    GRAY;

    /** The bytes of one {@code width × height} frame; the first {@code width × height} are its luminance. */
    public int frameBytes(int width, int height) {
        return switch (this) {
            case YUV420 -> width * height + 2 * (((width + 1) / 2) * ((height + 1) / 2));
            case GRAY -> width * height;
        };
    }

    /** The name used in configuration: {@code yuv420} or {@code gray}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code key} in configuration. */
    public static FrameFormat fromKey(String key) {
        for (FrameFormat format : values()) {
            if (format.key().equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown frame format '" + key + "' (yuv420 or gray)");
    }
}
