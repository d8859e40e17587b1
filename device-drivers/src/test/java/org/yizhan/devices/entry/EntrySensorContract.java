package org.yizhan.devices.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * What every entry sensor does, wired as a PIR (active-high), on time that moves only when the test says.
 */
abstract class EntrySensorContract {

    static final Duration DEBOUNCE = Duration.ofMillis(50);

    protected final ManualTime time = new ManualTime();
    protected final DeviceStatusBoard board = new DeviceStatusBoard(time);
    protected final List<Instant> entered = new ArrayList<>();
    protected EntrySensor sensor;

    /** An active-high sensor debounced over {@link #DEBOUNCE}, on {@link #time} and {@link #board}. */
    protected abstract EntrySensor createSensor();

    /** Puts the sensor's line at {@code high}, as its wire would. */
    protected abstract void line(boolean high);

    @BeforeEach
    void startTheSensor() {
        sensor = createSensor();
        sensor.start(entered::add);
    }

    @AfterEach
    void closeTheSensor() {
        sensor.close();
    }

    @Test
    void counts_someone_coming_in_once_the_level_has_held_for_the_debounce_window() {
        // given
        Instant cameIn = time.instant();

        // when
        line(true);

        // then nothing until the window has passed, then one entry dated when the sensor first saw it
        time.advance(DEBOUNCE.minusMillis(1));
        assertEquals(0, sensor.entries());
        time.advanceMillis(1);
        assertEquals(1, sensor.entries());
        assertEquals(List.of(cameIn), entered);
    }

    @Test
    void a_bouncing_input_within_the_debounce_window_counts_once() {
        // when the line chatters for 30 ms, then stays high
        for (int bounce = 0; bounce < 3; bounce++) {
            line(true);
            time.advanceMillis(5);
            line(false);
            time.advanceMillis(5);
        }
        line(true);
        time.advance(Duration.ofSeconds(2));

        // then
        assertEquals(1, sensor.entries());
        assertEquals(1, entered.size());
    }

    @Test
    void a_spike_shorter_than_the_debounce_window_is_not_an_entry() {
        line(true);
        time.advanceMillis(20);
        line(false);
        time.advance(Duration.ofSeconds(1));

        assertEquals(0, sensor.entries());
        assertEquals(List.of(), entered);
    }

    @Test
    void each_separate_crossing_is_an_entry_in_order() {
        // given two people, two seconds apart
        Instant first = time.instant();
        line(true);
        time.advanceMillis(800);
        line(false);
        time.advanceMillis(1200);
        Instant second = time.instant();
        line(true);
        time.advanceMillis(800);
        line(false);
        time.advanceMillis(100);

        // then
        assertEquals(2, sensor.entries());
        assertEquals(List.of(first, second), entered);
    }

    @Test
    void holding_the_level_is_one_entry() {
        // given a PIR that holds its output high while someone stays in view
        line(true);
        time.advance(Duration.ofSeconds(30));

        assertEquals(1, sensor.entries());
    }

    @Test
    void close_stops_counting() {
        sensor.close();

        line(true);
        time.advance(Duration.ofSeconds(1));

        assertEquals(0, sensor.entries());
    }

    @Test
    void reports_itself_connected_under_its_name() {
        assertEquals("entry", sensor.name());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
    }
}
