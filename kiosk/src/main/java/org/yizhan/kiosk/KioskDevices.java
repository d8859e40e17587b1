package org.yizhan.kiosk;

import org.yizhan.devices.buzzer.Buzzer;
import org.yizhan.devices.buzzer.SimulatedBuzzer;
import org.yizhan.devices.light.SimulatedStatusLight;
import org.yizhan.devices.light.StatusLight;

/** The peripherals the kiosk drives, chosen once at start: all real or all simulated. */
public record KioskDevices(StatusLight light, Buzzer buzzer) {

    public static KioskDevices simulated() {
        return new KioskDevices(new SimulatedStatusLight(), new SimulatedBuzzer());
    }
}
