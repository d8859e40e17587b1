package org.yizhan.devices.qr.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/** QR codes drawn straight into bits or grey levels, with a chosen module size along each axis. */
final class CodeImages {

    static final int MARGIN = 4;

    private CodeImages() {
    }

    /** One bit per module, without margin. */
    static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The code with a four-module margin, each module {@code across × down} pixels, dark set. */
    static BitMatrix bits(BitMatrix modules, int across, int down) {
        int side = modules.getWidth() + 2 * MARGIN;
        BitMatrix image = new BitMatrix(side * across, side * down);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int mx = x / across - MARGIN;
                int my = y / down - MARGIN;
                if (mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight() && modules.get(mx, my)) {
                    image.set(x, y);
                }
            }
        }
        return image;
    }

    /** The code in grey levels {@code dark} on {@code light}, modules {@code module} pixels square, top left. */
    static byte[] grey(BitMatrix modules, int module, int dark, int light, int width, int height) {
        byte[] pixels = new byte[width * height];
        java.util.Arrays.fill(pixels, (byte) light);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = x / module - MARGIN;
                int my = y / module - MARGIN;
                if (mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight() && modules.get(mx, my)) {
                    pixels[y * width + x] = (byte) dark;
                }
            }
        }
        return pixels;
    }
}
