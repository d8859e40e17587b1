package org.yizhan.devices.health;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/** Characteristic values for tests: written as hex literals, assembled from pieces, cut short, or garbled. */
public final class Frames {

    private Frames() {
    }

    /** The frame whose bytes are {@code values}, each 0x00-0xFF, so tests can write bytes as they appear on the air. */
    public static byte[] bytes(int... values) {
        byte[] frame = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + values[i]);
            }
            frame[i] = (byte) values[i];
        }
        return frame;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] prefix(byte[] frame, int length) {
        return Arrays.copyOf(frame, length);
    }

    /** Noise: shorter than {@code maxLength}, possibly empty. */
    public static byte[] random(Random random, int maxLength) {
        byte[] frame = new byte[random.nextInt(maxLength)];
        random.nextBytes(frame);
        return frame;
    }

    /**
     * {@code frame} with one to three random edits: a byte changed, the frame cut short, noise appended.
     * Closer to a real radio or firmware fault than pure noise, so it reaches the value checks too.
     */
    public static byte[] mangled(byte[] frame, Random random) {
        byte[] result = frame.clone();
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (result.length > 0) {
                        result[random.nextInt(result.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> result = Arrays.copyOf(result, random.nextInt(result.length + 1));
                default -> result = concat(result, random(random, 8));
            }
        }
        return result;
    }
}
