package org.yizhan.devices.door;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A kiosk process that only holds the door open, for {@link GpioDoorRelayShutdownTest} to stop: it prints
 * each level the relay line takes, and {@code open} once the door is open.
 */
public final class DoorShutdownProbe {

    private DoorShutdownProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        MockGpio gpio = new MockGpio();
        GpioDoorRelay door = new GpioDoorRelay(new OutputPin("gpio.door", 23, false), Duration.ofMinutes(5),
                gpio.lines(), GpioTime.system(Executors.newSingleThreadScheduledExecutor()),
                new DeviceStatusBoard(Clock.systemUTC()));
        gpio.output("gpio.door").addListener(event -> {
            System.out.println("relay line " + event.state());
            System.out.flush();
        });
        door.pulse();
        System.out.println("open");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(1).toMillis());
    }
}
