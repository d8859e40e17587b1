package org.yizhan.devices.qr.camera;


import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.QrScannerContract;

/**
 * The contract every QR scanner of the kiosk keeps ({@link QrScannerContract}), run on a camera scanner.
 * A code is "presented" by showing it to the camera until the scanner has decoded frames taken after it
 * appeared.
 */
abstract class CameraKeepsQrScannerContract extends QrScannerContract {

    /** Frames decoded after a code is shown, enough that at least one was taken after it appeared. */
    private static final int FRAMES_TO_SEE_A_CODE = 4;

    static Rig adapt(CameraScannerContract.Rig camera) {
        return new Rig() {
            @Override
            public QrScanner scanner() {
                return camera.scanner();
            }

            @Override
            public void present(String code) throws Exception {
                long before = camera.scanner().stats().framesDecoded();
                camera.show(code);
                CameraScannerContract.awaitTrue(
                        () -> camera.scanner().stats().framesDecoded() >= before + FRAMES_TO_SEE_A_CODE,
                        "frames showing " + code.length() + " characters");
            }

            @Override
            public void vanish() throws Exception {
                camera.unplug();
            }

            @Override
            public void reappear() throws Exception {
                camera.plug();
            }
        };
    }
}
