package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoiseAwareBinarizerTest {

    private static PlanarYUVLuminanceSource source(byte[] pixels, int width, int height) {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    private static double darkShare(BitMatrix bits) {
        long dark = 0;
        for (int y = 0; y < bits.getHeight(); y++) {
            for (int x = 0; x < bits.getWidth(); x++) {
                dark += bits.get(x, y) ? 1 : 0;
            }
        }
        return (double) dark / (bits.getWidth() * bits.getHeight());
    }

    private static byte[] noisy(byte[] pixels, double sigma, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round((pixels[i] & 0xff) + random.nextGaussian() * sigma)));
        }
        return out;
    }

    @Test
    void a_blank_wall_seen_at_night_stays_light() throws Exception {
        // given a grey wall with the sensor noise of a dark room
        byte[] wall = noisy(new byte[640 * 480], 12, 1);
        for (int i = 0; i < wall.length; i++) {
            wall[i] = (byte) Math.max(0, Math.min(255, 120 + (wall[i] & 0xff)));
        }

        // when both binarizers threshold it
        double ours = darkShare(new NoiseAwareBinarizer(source(wall, 640, 480)).getBlackMatrix());
        double zxing = darkShare(new HybridBinarizer(source(wall, 640, 480)).getBlackMatrix());

        // then ZXing's makes salt and pepper of it and ours leaves it light
        assertTrue(zxing > 0.2, "ZXing's dark share " + zxing);
        assertTrue(ours < 0.01, "our dark share " + ours);
    }

    @Test
    void a_noisy_code_is_thresholded_module_for_module() throws Exception {
        // given a code with four-pixel modules, dark 40 on light 200, and noise
        com.google.zxing.common.BitMatrix modules = CodeImages.modules("YIZHAN-TEST-PASS-0001");
        byte[] pixels = noisy(CodeImages.grey(modules, 4, 40, 200, 240, 240), 10, 2);

        // when it is binarized
        BitMatrix bits = new NoiseAwareBinarizer(source(pixels, 240, 240)).getBlackMatrix();

        // then every module's centre pixel has the module's colour
        for (int my = 0; my < modules.getHeight(); my++) {
            for (int mx = 0; mx < modules.getWidth(); mx++) {
                int x = (mx + CodeImages.MARGIN) * 4 + 2;
                int y = (my + CodeImages.MARGIN) * 4 + 2;
                assertEquals(modules.get(mx, my), bits.get(x, y), "module " + mx + "," + my);
            }
        }
    }

    @Test
    void rows_are_the_rows_of_the_matrix() throws Exception {
        byte[] pixels = noisy(CodeImages.grey(CodeImages.modules("ROW"), 3, 30, 220, 120, 100), 5, 3);
        NoiseAwareBinarizer binarizer = new NoiseAwareBinarizer(source(pixels, 120, 100));

        BitArray row = binarizer.getBlackRow(50, null);

        assertEquals(binarizer.getBlackMatrix().getRow(50, null), row);
    }
}
