package org.yizhan.devices.qr.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The baseline the kiosk's decoder is measured against: ZXing, QR only, TRY_HARDER, HybridBinarizer. */
final class PlainZxing {

    private PlainZxing() {
    }

    static String decode(HardFrames.HardFrame frame) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        var source = new PlanarYUVLuminanceSource(frame.luminance(), frame.width(), frame.height(), 0, 0,
                frame.width(), frame.height(), false);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
        } catch (ReaderException e) {
            return null;
        }
    }
}
