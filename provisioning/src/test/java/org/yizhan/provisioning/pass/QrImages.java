package org.yizhan.provisioning.pass;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads QR code PNGs back, the way a scanner would, for tests in any package. */
public final class QrImages {

    private QrImages() {
    }

    public static String decode(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
