package org.yizhan.devices.qr.camera;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.status.DeviceStatusBoard;

/** The shared scanner contract on the real camera scanner with a fake {@code rpicam-vid} ({@link CameraRigs}). */
class ProcessCameraKeepsQrScannerContractTest extends CameraKeepsQrScannerContract {

    @TempDir
    Path dir;

    @Override
    protected Rig rig(DeviceStatusBoard board, Clock scanClock) throws Exception {
        return adapt(CameraRigs.process(NAME, dir, board, scanClock));
    }
}
