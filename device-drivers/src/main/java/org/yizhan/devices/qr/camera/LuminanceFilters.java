package org.yizhan.devices.qr.camera;

/**
 * Whole-frame grey-level operations for the decoder's later attempts, each writing into a caller's buffer
 * so that a decoder allocates nothing per frame. {@code source} may be longer than {@code width × height}
 * (a YUV420 frame: only its Y plane is read). Pure functions of their inputs.
 */
final class LuminanceFilters {

    private LuminanceFilters() {
    }

    /** Dark for light: a dark-mode screen's code as a printed one. */
    static void invert(byte[] source, int width, int height, byte[] target) {
        for (int i = 0, n = width * height; i < n; i++) {
            target[i] = (byte) (255 - (source[i] & 0xff));
        }
    }

    /**
     * Unsharp masking, {@code 2·v − blur(v)} with a 5×5 binomial blur (σ ≈ 1 pixel): restores the edges
     * that focus and motion blur soften, which the binarizer then places at the right module boundary.
     * {@code scratch} holds the horizontal pass.
     */
    static void sharpen(byte[] source, int width, int height, int[] scratch, byte[] target) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            // A sliding window of five pixels, the row's ends repeated outwards.
            int a = source[row] & 0xff;
            int b = a;
            int c = a;
            int d = source[row + Math.min(width - 1, 1)] & 0xff;
            int e = source[row + Math.min(width - 1, 2)] & 0xff;
            for (int x = 0; x < width; x++) {
                scratch[row + x] = a + 4 * b + 6 * c + 4 * d + e;
                a = b;
                b = c;
                c = d;
                d = e;
                e = x + 3 < width ? source[row + x + 3] & 0xff : e;
            }
        }
        for (int y = 0; y < height; y++) {
            int up2 = Math.max(0, y - 2) * width;
            int up1 = Math.max(0, y - 1) * width;
            int row = y * width;
            int down1 = Math.min(height - 1, y + 1) * width;
            int down2 = Math.min(height - 1, y + 2) * width;
            for (int x = 0; x < width; x++) {
                int blurred = (scratch[up2 + x] + 4 * scratch[up1 + x] + 6 * scratch[row + x] + 4 * scratch[down1 + x]
                        + scratch[down2 + x] + 128) >> 8;
                int v = 2 * (source[row + x] & 0xff) - blurred;
                target[row + x] = (byte) Math.min(255, Math.max(0, v));
            }
        }
    }

    /**
     * A linear stretch of the 1st to the 99th percentile onto 0–255: a dim screen or a washed-out one
     * brought back to full range, so that its blocks pass the binarizer's minimum-contrast test.
     */
    static void stretch(byte[] source, int width, int height, byte[] target) {
        int n = width * height;
        int[] histogram = new int[256];
        for (int i = 0; i < n; i++) {
            histogram[source[i] & 0xff]++;
        }
        int low = 0;
        for (int seen = 0; low < 255 && seen + histogram[low] < n / 100; low++) {
            seen += histogram[low];
        }
        int high = 255;
        for (int seen = 0; high > 0 && seen + histogram[high] < n / 100; high--) {
            seen += histogram[high];
        }
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            int stretched = high > low ? (v - low) * 255 / (high - low) : v;
            table[v] = (byte) Math.max(0, Math.min(255, stretched));
        }
        for (int i = 0; i < n; i++) {
            target[i] = table[source[i] & 0xff];
        }
    }
}
