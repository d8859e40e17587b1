package org.yizhan.launcher.qr;

/** Resizing a luminance image: area averaging down (no aliasing of fine modules), bilinear up. */
final class Resampling {

    private Resampling() {
    }

    /** Each target pixel is the mean of the source pixels its area covers, partial pixels weighted. */
    static byte[] areaAverage(byte[] source, int width, int height, int targetWidth, int targetHeight) {
        double sx = (double) width / targetWidth;
        double sy = (double) height / targetHeight;
        byte[] target = new byte[targetWidth * targetHeight];
        for (int ty = 0; ty < targetHeight; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < targetWidth; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double weight = 0;
                for (int y = (int) y0; y < Math.min(height, Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    for (int x = (int) x0; x < Math.min(width, Math.ceil(x1)); x++) {
                        double w = wy * (Math.min(x1, x + 1) - Math.max(x0, x));
                        sum += w * (source[y * width + x] & 0xff);
                        weight += w;
                    }
                }
                target[ty * targetWidth + tx] = (byte) Math.round(sum / weight);
            }
        }
        return target;
    }

    static byte[] bilinear(byte[] source, int width, int height, int targetWidth, int targetHeight) {
        byte[] target = new byte[targetWidth * targetHeight];
        for (int ty = 0; ty < targetHeight; ty++) {
            double y = Math.max(0, (ty + 0.5) * height / targetHeight - 0.5);
            int y0 = Math.min(height - 1, (int) y);
            int y1 = Math.min(height - 1, y0 + 1);
            double fy = y - y0;
            for (int tx = 0; tx < targetWidth; tx++) {
                double x = Math.max(0, (tx + 0.5) * width / targetWidth - 0.5);
                int x0 = Math.min(width - 1, (int) x);
                int x1 = Math.min(width - 1, x0 + 1);
                double fx = x - x0;
                double top = (source[y0 * width + x0] & 0xff) * (1 - fx) + (source[y0 * width + x1] & 0xff) * fx;
                double bottom = (source[y1 * width + x0] & 0xff) * (1 - fx) + (source[y1 * width + x1] & 0xff) * fx;
                target[ty * targetWidth + tx] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return target;
    }
}
