package org.yizhan.devices.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.buzzer.BeepPattern;
import org.yizhan.devices.buzzer.GpioBuzzer;
import org.yizhan.devices.door.GpioDoorRelay;
import org.yizhan.devices.entry.GpioEntrySensor;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The gpiod provider on a real Raspberry Pi. Runs only with {@code YIZHAN_HARDWARE=1}
 * ({@code mvn -pl device-drivers test -Dgroups=hardware}); pins it drives must be free and wired to nothing
 * that matters:
 * <ul>
 *   <li>{@code YIZHAN_GPIO_FREE_PIN} (default 26): claimed as an output, pulsed, released;</li>
 *   <li>{@code YIZHAN_GPIO_LOOPBACK=OUT:IN}, e.g. {@code 20:21}, with a jumper wire between the two pins:
 *       an output pulse must be seen as one entry on the input. Without it that test aborts.</li>
 * </ul>
 */
@Tag("hardware")
class GpiodHardwareTest {

    private final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private GpioLines lines;

    @BeforeEach
    void onlyOnAPi() {
        if (!"1".equals(System.getenv("YIZHAN_HARDWARE"))) {
            Assumptions.abort("set YIZHAN_HARDWARE=1 on a Raspberry Pi to run the gpiod tests");
        }
        lines = GpioLines.gpiod(Duration.ofSeconds(1));
    }

    @AfterEach
    void release() {
        if (lines != null) {
            lines.close();
        }
        timers.shutdownNow();
    }

    @Test
    void claims_a_free_pin_through_gpiod_and_gives_it_back() {
        int bcm = Integer.parseInt(System.getenv().getOrDefault("YIZHAN_GPIO_FREE_PIN", "26"));
        GpioBuzzer buzzer = new GpioBuzzer(new OutputPin("gpio.buzzer", bcm, false), Duration.ofMillis(50), lines,
                GpioTime.system(timers), board);

        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state(), board.snapshot().toString());
        buzzer.play(BeepPattern.SHORT);
        buzzer.close();
    }

    @Test
    void a_jumper_from_an_output_to_an_input_is_counted_as_one_entry() throws InterruptedException {
        String loopback = System.getenv("YIZHAN_GPIO_LOOPBACK");
        if (loopback == null || !loopback.matches("\\d+:\\d+")) {
            Assumptions.abort("set YIZHAN_GPIO_LOOPBACK=OUT:IN (e.g. 20:21) with a jumper between the two pins");
        }
        String[] pins = loopback.split(":");
        GpioTime time = GpioTime.system(timers);
        GpioDoorRelay out = new GpioDoorRelay(new OutputPin("gpio.door", Integer.parseInt(pins[0]), false),
                Duration.ofSeconds(1), lines, time, board);
        GpioEntrySensor in = new GpioEntrySensor(new InputPin("gpio.entry", Integer.parseInt(pins[1]), false,
                Pull.DOWN), Duration.ofMillis(20), lines, time, board);
        in.start(at -> {
        });

        out.pulse(Duration.ofMillis(300));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (in.entries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(500);
        assertEquals(1, in.entries());
        assertTrue(board.snapshot().stream().allMatch(status -> status.state() != DeviceState.ABSENT));
        out.close();
        in.close();
    }
}
