package org.yizhan.provisioning.pass;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders a pass as a QR code PNG for printing or for showing on a phone. Stateless and thread-safe. */
public final class PassQrCode {

    private PassQrCode() {
    }

    /**
     * Writes {@code text} as a square QR code of about {@code sizePixels} (more if the code needs it), with the
     * four-module quiet zone scanners expect. Error correction M survives the scratches and glare of a phone
     * screen held to a kiosk scanner while keeping a 300-character pass at a size that scans easily.
     */
    public static void writePng(String text, Path pngFile, int sizePixels) {
        byte[] png = png(text, sizePixels);
        try {
            Files.write(pngFile, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pngFile + ": " + e.getMessage(), e);
        }
    }

    /** The PNG bytes {@link #writePng} writes, e.g. to embed in a printable page. */
    public static byte[] png(String text, int sizePixels) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        if (sizePixels < 1) {
            throw new IllegalArgumentException("size must be positive, not " + sizePixels);
        }
        BufferedImage image = render(text, sizePixels, null);
        // About one code in fifty with the encoder's preferred mask defeats ZXing's finder-pattern
        // detection (a camera scanner's), so a code that does not read back is drawn with another mask.
        for (int mask = 0; mask < 8 && !readsBack(image, text); mask++) {
            image = render(text, sizePixels, mask);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage render(String text, int sizePixels, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels, hints);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    private static boolean readsBack(BufferedImage image, String text) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap).getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }
}
