package org.yizhan.devices.qr.camera;

import java.time.Clock;
import org.yizhan.devices.status.DeviceStatusBoard;

class SimulatedCameraKeepsQrScannerContractTest extends CameraKeepsQrScannerContract {

    @Override
    protected Rig rig(DeviceStatusBoard board, Clock scanClock) {
        return adapt(CameraRigs.simulated(NAME, board, scanClock));
    }
}
