package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerspectiveQrReaderTest {

    private final PerspectiveQrReader reader = new PerspectiveQrReader();

    @Test
    void reads_a_code_foreshortened_beyond_what_zxing_detects() {
        // given a code whose modules are 5 pixels wide and 2 high
        String text = HardFrames.token(new java.util.Random(9));
        BitMatrix image = CodeImages.bits(CodeImages.modules(text), 5, 2);

        // when it is read
        String read = reader.read(image);

        // then the text comes out
        assertEquals(text, read);
    }

    @Test
    void reads_tilted_phones_where_zxing_reading_the_same_bits_mostly_fails() {
        // given six frames of a phone tilted 10° to 40° away from the camera
        List<HardFrames.HardFrame> tilted = new HardFrames(12).generate(6, EnumSet.of(HardFrames.Category.TILT));
        int ours = 0;
        int zxing = 0;
        for (HardFrames.HardFrame frame : tilted) {
            var source = new PlanarYUVLuminanceSource(frame.luminance(), frame.width(), frame.height(), 0, 0,
                    frame.width(), frame.height(), false);
            NoiseAwareBinarizer binarizer = new NoiseAwareBinarizer(source);

            // when both read the same binarized frame
            if (frame.token().equals(reader.read(binarizer.getBlackMatrix()))) {
                ours++;
            }
            try {
                if (frame.token().equals(new QRCodeReader().decode(new BinaryBitmap(binarizer)).getText())) {
                    zxing++;
                }
            } catch (ReaderException e) {
                // counted as not read
            }
        }

        // then the perspective reader reads most of them, and more than ZXing's detector
        assertTrue(ours >= 4 && ours > zxing, "perspective reader " + ours + ", ZXing " + zxing + " of 6");
    }

    @Test
    void tries_the_three_code_sizes_nearest_the_estimate() {
        assertEquals(List.of(65, 61, 69), PerspectiveQrReader.nearestDimensions(64.2));
        assertEquals(List.of(21, 25, 29), PerspectiveQrReader.nearestDimensions(12));
        assertEquals(List.of(177, 173, 169), PerspectiveQrReader.nearestDimensions(300));
    }

    @Test
    void finds_nothing_in_a_blank_image() {
        assertNull(reader.read(new BitMatrix(640, 480)));
    }
}
