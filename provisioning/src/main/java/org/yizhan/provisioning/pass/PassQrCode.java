package org.yizhan.provisioning.pass;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

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
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        if (sizePixels < 1) {
            throw new IllegalArgumentException("size must be positive, not " + sizePixels);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
        try {
            MatrixToImageWriter.writeToPath(matrix, "PNG", pngFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pngFile + ": " + e.getMessage(), e);
        }
    }
}
