package org.yizhan.devices.qr.camera;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The camera scanner contract on the real scanner, {@link ProcessFrameSource} and process restarts
 * included, with a shell script in place of {@code rpicam-vid} ({@link CameraRigs#process}).
 */
class ProcessCameraScannerTest extends CameraScannerContract {

    @TempDir
    Path dir;

    @Override
    Rig rig(DeviceStatusBoard board) throws Exception {
        return CameraRigs.process(NAME, dir, board, Clock.systemUTC());
    }
}
