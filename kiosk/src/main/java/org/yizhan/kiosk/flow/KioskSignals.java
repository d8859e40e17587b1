package org.yizhan.kiosk.flow;

import java.util.Optional;
import org.yizhan.devices.buzzer.BeepPattern;
import org.yizhan.devices.buzzer.Buzzer;
import org.yizhan.devices.door.DoorRelay;
import org.yizhan.devices.light.LightPattern;
import org.yizhan.devices.light.StatusLight;

/**
 * What the kiosk's peripherals do as check-ins are decided: the status light, the buzzer, the door. A
 * kiosk built without one of them (no pin configured) simply does without; the screen carries the result
 * either way. Called on the kiosk thread; the devices return at once and time their patterns themselves.
 */
public interface KioskSignals {

    void light(LightPattern pattern);

    void beep(BeepPattern pattern);

    /** Releases the door for its configured time, where a door relay is fitted. */
    void openDoor();

    static KioskSignals of(Optional<StatusLight> light, Optional<Buzzer> buzzer, Optional<DoorRelay> door) {
        return new KioskSignals() {
            @Override
            public void light(LightPattern pattern) {
                light.ifPresent(l -> l.show(pattern));
            }

            @Override
            public void beep(BeepPattern pattern) {
                buzzer.ifPresent(b -> b.play(pattern));
            }

            @Override
            public void openDoor() {
                door.ifPresent(DoorRelay::pulse);
            }
        };
    }
}
