package org.yizhan.devices.qr.camera;

import java.time.Clock;
import org.yizhan.devices.status.DeviceStatusBoard;

/** The camera scanner contract on the simulated camera. */
class SimulatedCameraScannerTest extends CameraScannerContract {

    @Override
    Rig rig(DeviceStatusBoard board) {
        return CameraRigs.simulated(NAME, board, Clock.systemUTC());
    }
}
