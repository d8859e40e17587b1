package org.yizhan.kiosk.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KioskClockTest {

    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    private final ScheduledExecutorService kioskThread = Executors.newSingleThreadScheduledExecutor();
    private final KioskClock clock = new KioskClock(Clock.fixed(START, ZoneOffset.UTC), kioskThread);
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void stop() {
        kioskThread.shutdownNow();
    }

    private void onKioskThread(Runnable work) throws Exception {
        kioskThread.submit(work).get(5, TimeUnit.SECONDS);
    }

    @Test
    void advancing_runs_the_timers_that_fall_due_in_due_order() throws Exception {
        onKioskThread(() -> {
            clock.schedule(Duration.ofSeconds(8), () -> ran.add("8s"));
            clock.schedule(Duration.ofSeconds(3), () -> ran.add("3s"));
            clock.schedule(Duration.ofMinutes(1), () -> ran.add("1m"));
        });

        onKioskThread(() -> clock.advance(Duration.ofSeconds(10)));

        assertEquals(List.of("3s", "8s"), ran);
        assertEquals(START.plusSeconds(10), clock.now());
    }

    @Test
    void a_cancelled_timer_never_runs() throws Exception {
        onKioskThread(() -> clock.schedule(Duration.ofSeconds(8), () -> ran.add("timeout")).cancel());

        onKioskThread(() -> clock.advance(Duration.ofMinutes(5)));

        assertEquals(List.of(), ran);
    }

    @Test
    void timers_fall_due_with_real_time_too() throws Exception {
        KioskClock real = new KioskClock(Clock.systemUTC(), kioskThread);
        List<String> fired = new java.util.concurrent.CopyOnWriteArrayList<>();

        onKioskThread(() -> real.schedule(Duration.ofMillis(50), () -> fired.add("fired")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fired.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("fired"), fired);
    }

    @Test
    void time_never_moves_back() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}
