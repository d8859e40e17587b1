package org.yizhan.devices.qr.camera;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import java.util.Arrays;

/**
 * A local-threshold binarizer in the manner of ZXing's {@code HybridBinarizer} (8×8 blocks, each
 * thresholded at the mean of the 5×5 blocks around it), except for what counts as a flat block. ZXing
 * calls a block flat when its range is 24 grey levels or less; a camera at night has more noise than
 * that, so every blank wall becomes salt and pepper in which finder-pattern-like runs abound, and the
 * finder search spends its time there. Here a block is flat when its range is within what the frame's
 * own noise gives a flat block: 1.5 times the range of the quietest quarter of its blocks, and never
 * less than 24.
 *
 * <p>A flat block takes its threshold from its neighbours when they are darker than it (a light module
 * region inside a code), and is light otherwise, as in ZXing. Builds the whole matrix at once, on first
 * use; not thread-safe.
 */
final class NoiseAwareBinarizer extends Binarizer {

    private static final int BLOCK = 8;
    private static final int MIN_RANGE = 24;

    private BitMatrix matrix;

    NoiseAwareBinarizer(LuminanceSource source) {
        super(source);
    }

    @Override
    public BitArray getBlackRow(int y, BitArray row) throws NotFoundException {
        BitMatrix all = getBlackMatrix();
        return all.getRow(y, row);
    }

    @Override
    public BitMatrix getBlackMatrix() {
        if (matrix == null) {
            matrix = binarize(getLuminanceSource());
        }
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new NoiseAwareBinarizer(source);
    }

    private static BitMatrix binarize(LuminanceSource source) {
        int width = source.getWidth();
        int height = source.getHeight();
        byte[] pixels = source.getMatrix();
        int blocksX = (width + BLOCK - 1) / BLOCK;
        int blocksY = (height + BLOCK - 1) / BLOCK;
        int blocks = blocksX * blocksY;
        int[] min = new int[blocks];
        int[] range = new int[blocks];
        int[] mean = new int[blocks];
        for (int by = 0; by < blocksY; by++) {
            int yEnd = Math.min(height, by * BLOCK + BLOCK);
            for (int bx = 0; bx < blocksX; bx++) {
                int xEnd = Math.min(width, bx * BLOCK + BLOCK);
                int lo = 255;
                int hi = 0;
                int sum = 0;
                for (int y = by * BLOCK; y < yEnd; y++) {
                    int offset = y * width;
                    for (int x = bx * BLOCK; x < xEnd; x++) {
                        int v = pixels[offset + x] & 0xff;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        sum += v;
                    }
                }
                int b = by * blocksX + bx;
                min[b] = lo;
                range[b] = hi - lo;
                mean[b] = sum / ((yEnd - by * BLOCK) * (xEnd - bx * BLOCK));
            }
        }
        int[] ranges = range.clone();
        Arrays.sort(ranges);
        int flatRange = Math.max(MIN_RANGE, ranges[blocks / 4] * 3 / 2);

        int[] blackPoint = new int[blocks];
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                int b = by * blocksX + bx;
                int point = mean[b];
                if (range[b] <= flatRange) {
                    // Flat: light, unless the blocks above and to the left say it lies in a darker region
                    // whose threshold it should share.
                    point = min[b] / 2;
                    if (by > 0 && bx > 0) {
                        int neighbours =
                                (blackPoint[b - blocksX] + 2 * blackPoint[b - 1] + blackPoint[b - blocksX - 1]) / 4;
                        if (min[b] < neighbours) {
                            point = neighbours;
                        }
                    }
                }
                blackPoint[b] = point;
            }
        }

        BitMatrix result = new BitMatrix(width, height);
        for (int by = 0; by < blocksY; by++) {
            int top = Math.max(2, Math.min(blocksY - 3, by));
            int yEnd = Math.min(height, by * BLOCK + BLOCK);
            for (int bx = 0; bx < blocksX; bx++) {
                int left = Math.max(2, Math.min(blocksX - 3, bx));
                int sum = 0;
                int count = 0;
                for (int ny = Math.max(0, top - 2); ny <= Math.min(blocksY - 1, top + 2); ny++) {
                    for (int nx = Math.max(0, left - 2); nx <= Math.min(blocksX - 1, left + 2); nx++) {
                        sum += blackPoint[ny * blocksX + nx];
                        count++;
                    }
                }
                int threshold = sum / count;
                int xEnd = Math.min(width, bx * BLOCK + BLOCK);
                for (int y = by * BLOCK; y < yEnd; y++) {
                    int offset = y * width;
                    for (int x = bx * BLOCK; x < xEnd; x++) {
                        if ((pixels[offset + x] & 0xff) <= threshold) {
                            result.set(x, y);
                        }
                    }
                }
            }
        }
        return result;
    }
}
