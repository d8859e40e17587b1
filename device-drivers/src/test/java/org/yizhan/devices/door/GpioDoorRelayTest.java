package org.yizhan.devices.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.gpio.MockGpio;
import org.yizhan.devices.gpio.OutputPin;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;

class GpioDoorRelayTest extends DoorRelayContract {

    private static final OutputPin RELAY = new OutputPin("gpio.door", 23, false);

    private final MockGpio gpio = new MockGpio();
    private MockDigitalOutput line;

    @Override
    protected DoorRelay createDoor() {
        GpioDoorRelay created = new GpioDoorRelay(RELAY, OPEN_FOR, gpio.lines(), time.time(), board);
        line = gpio.output("gpio.door");
        return created;
    }

    @Override
    protected boolean energised() {
        return line.isHigh();
    }

    @AfterEach
    void shutDownPi4j() {
        gpio.close();
    }

    @Test
    void an_active_low_relay_module_is_energised_by_a_low_line() {
        // given a low-level-trigger relay module, claimed with its line high (released)
        door.close();
        GpioDoorRelay low = new GpioDoorRelay(new OutputPin("gpio.door", 5, true), OPEN_FOR, gpio.lines(),
                time.time(), board);
        MockDigitalOutput output = gpio.output("gpio.door");
        assertEquals(DigitalState.HIGH, output.state());

        // when
        low.pulse();

        // then
        assertEquals(DigitalState.LOW, output.state());
        low.close();
        assertEquals(DigitalState.HIGH, output.state());
    }

    @Test
    void releases_its_line_on_close() {
        door.pulse();

        door.close();

        assertFalse(gpio.claimed("gpio.door"));
        assertTrue(line.isLow());
    }

    @Test
    void is_absent_while_its_pin_is_taken_and_does_not_open_then() {
        // given the relay pin held by a kiosk process still stopping
        door.close();
        gpio.occupy("previous-kiosk", 23);
        GpioDoorRelay waiting = new GpioDoorRelay(RELAY, OPEN_FOR, gpio.lines(), time.time(), board);

        // when a rider scans
        waiting.pulse();

        // then the door is absent with Pi4J's reason, and not open
        DeviceStatus status = board.snapshot().get(0);
        assertEquals(DeviceState.ABSENT, status.state());
        assertTrue(status.lastError().startsWith("gpio.door (BCM 23) could not be claimed: "), status.lastError());
        assertFalse(waiting.isOpen());

        // when the previous kiosk lets go within the open time
        gpio.free("previous-kiosk");
        time.advance(MockGpio.RETRY);

        // then connected, open for the rest of the open time, then locked
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        assertTrue(gpio.output("gpio.door").isHigh());
        time.advance(OPEN_FOR.minus(MockGpio.RETRY));
        assertTrue(gpio.output("gpio.door").isLow());
        waiting.close();
    }

    @Test
    void is_degraded_when_released_lines_keep_their_level() {
        // given a kernel that keeps released outputs driven
        door.close();
        GpioDoorRelay persisting = new GpioDoorRelay(RELAY, OPEN_FOR,
                gpio.lines(Optional.of("released GPIO outputs keep their level")), time.time(), board);

        // then
        DeviceStatus status = board.snapshot().get(0);
        assertEquals(DeviceState.DEGRADED, status.state());
        assertEquals("released GPIO outputs keep their level", status.lastError());
        persisting.close();
    }

    @Test
    void locks_by_itself_on_a_real_timer() throws InterruptedException {
        // given a relay on real time, opened for a moment
        door.close();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try {
            GpioDoorRelay real = new GpioDoorRelay(RELAY, OPEN_FOR, gpio.lines(), GpioTime.system(timers), board);
            real.pulse(Duration.ofMillis(100));
            MockDigitalOutput output = gpio.output("gpio.door");
            assertTrue(output.isHigh());

            // then it locks without being told, well within a generous wait
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (output.isHigh() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(output.isLow());
            assertFalse(real.isOpen());
            real.close();
        } finally {
            timers.shutdownNow();
        }
    }
}
