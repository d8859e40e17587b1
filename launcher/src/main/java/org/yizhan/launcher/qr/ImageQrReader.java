package org.yizhan.launcher.qr;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.yizhan.devices.qr.camera.QrFrameDecoder;

/**
 * Reads the QR code in an image file with the kiosk's camera decoder. The decoder is tuned for 640×480
 * frames; a phone's 12-megapixel photo is scaled down first (area average, to at most 1600 pixels, then
 * 1000 and 640 if that fails, since a code filling the photo reads better small), and a small screenshot
 * is also tried at twice its size. Transparent pixels count as white. Not thread-safe.
 */
final class ImageQrReader {

    /** The file could not be read as an image; the message says why, for a support engineer. */
    static final class UnreadableImageException extends Exception {
        UnreadableImageException(String message) {
            super(message);
        }
    }

    // Not a camera stream: there is time to try every attempt at every size.
    private final QrFrameDecoder decoder = new QrFrameDecoder(Duration.ofSeconds(10));

    Optional<String> read(Path file) throws UnreadableImageException {
        BufferedImage image = load(file);
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luminance = new BufferedImageLuminanceSource(image).getMatrix();
        for (int longSide : sizesToTry(Math.max(width, height))) {
            double scale = (double) longSide / Math.max(width, height);
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            byte[] scaled = longSide == Math.max(width, height) ? luminance
                    : scale < 1 ? Resampling.areaAverage(luminance, width, height, w, h)
                    : Resampling.bilinear(luminance, width, height, w, h);
            Optional<QrFrameDecoder.Decoded> decoded = decoder.decode(scaled, w, h);
            if (decoded.isPresent()) {
                return Optional.of(decoded.get().text());
            }
        }
        return Optional.empty();
    }

    /** The long sides to decode at, the image's own (or 1600 at most) first. */
    static List<Integer> sizesToTry(int longSide) {
        List<Integer> sizes = new ArrayList<>();
        if (longSide > 1600) {
            sizes.add(1600);
        } else {
            sizes.add(longSide);
        }
        for (int smaller : new int[] {1000, 640}) {
            if (smaller * 1.4 < sizes.get(sizes.size() - 1)) {
                sizes.add(smaller);
            }
        }
        if (longSide < 600) {
            sizes.add(longSide * 2);
        }
        return sizes;
    }

    private static BufferedImage load(Path file) throws UnreadableImageException {
        try (InputStream in = Files.newInputStream(file)) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new UnreadableImageException("not an image this tool reads (PNG, JPEG, GIF or BMP)");
            }
            return image;
        } catch (NoSuchFileException e) {
            throw new UnreadableImageException("no such file");
        } catch (IOException e) {
            throw new UnreadableImageException("cannot read: " + e.getMessage());
        }
    }
}
