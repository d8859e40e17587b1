package org.yizhan.devices.help;

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
 * What every help button does, wired as a button to ground (active-low), on time that moves only when the
 * test says.
 */
abstract class HelpButtonContract {

    static final Duration DEBOUNCE = Duration.ofMillis(30);
    static final Duration LONG_PRESS = Duration.ofSeconds(3);

    protected final ManualTime time = new ManualTime();
    protected final DeviceStatusBoard board = new DeviceStatusBoard(time);
    protected final List<String> heard = new ArrayList<>();
    protected HelpButton button;

    /** An active-low button with {@link #DEBOUNCE} and {@link #LONG_PRESS}, on {@link #time} and {@link #board}. */
    protected abstract HelpButton createButton();

    /** Puts the button's line at {@code high}, as its wire would. */
    protected abstract void line(boolean high);

    @BeforeEach
    void startTheButton() {
        button = createButton();
        button.start(new HelpButtonListener() {
            @Override
            public void pressed(Instant at) {
                heard.add("pressed " + at);
            }

            @Override
            public void longPressed(Instant at) {
                heard.add("long " + at);
            }
        });
        // The line rests high, pulled up; a mock line starts low, as if held.
        line(true);
        time.advance(Duration.ofSeconds(1));
    }

    @AfterEach
    void closeTheButton() {
        button.close();
    }

    private void press() {
        line(false);
    }

    private void release() {
        line(true);
    }

    @Test
    void a_short_press_is_reported_on_release_with_the_time_it_went_down() {
        // given
        Instant down = time.instant();
        press();
        time.advanceMillis(200);
        assertEquals(List.of(), heard, "before release");

        // when
        release();
        time.advance(DEBOUNCE);

        // then
        assertEquals(List.of("pressed " + down), heard);
    }

    @Test
    void a_long_hold_is_reported_once_while_still_held() {
        // given
        Instant down = time.instant();
        press();

        // when held to the long-press time
        time.advance(LONG_PRESS.minusMillis(1));
        assertEquals(List.of(), heard, "just before the long-press time");
        time.advanceMillis(1);

        // then reported at once, still held
        assertEquals(List.of("long " + down), heard);

        // when held on and let go
        time.advance(Duration.ofSeconds(10));
        release();
        time.advance(Duration.ofSeconds(1));

        // then nothing more
        assertEquals(List.of("long " + down), heard);
    }

    @Test
    void a_release_just_before_the_long_press_time_is_a_short_press() {
        Instant down = time.instant();
        press();
        time.advance(LONG_PRESS.minusMillis(100));
        release();
        time.advance(Duration.ofSeconds(5));

        assertEquals(List.of("pressed " + down), heard);
    }

    @Test
    void contact_bounce_makes_one_press() {
        // given a contact that chatters for 8 ms on the way down and on the way up
        Instant settled = time.instant().plusMillis(8);
        chatter(false);
        time.advanceMillis(300);
        chatter(true);
        time.advance(Duration.ofSeconds(1));

        // then one press, dated when the contact stopped chattering on the way down
        assertEquals(List.of("pressed " + settled), heard);
    }

    /** Five levels 2 ms apart, alternating, ending at {@code high}. */
    private void chatter(boolean high) {
        for (int bounce = 4; bounce >= 0; bounce--) {
            line(bounce % 2 == 0 ? high : !high);
            if (bounce > 0) {
                time.advanceMillis(2);
            }
        }
    }

    @Test
    void two_presses_are_two_reports_in_order() {
        Instant first = time.instant();
        press();
        time.advanceMillis(150);
        release();
        time.advanceMillis(500);
        Instant second = time.instant();
        press();
        time.advance(LONG_PRESS);
        release();
        time.advanceMillis(100);

        assertEquals(List.of("pressed " + first, "long " + second), heard);
    }

    @Test
    void a_button_held_for_over_a_minute_is_degraded_until_released() {
        // when held down for over a minute
        press();
        time.advance(Duration.ofMinutes(1).plusMillis(DEBOUNCE.toMillis()));

        // then degraded, saying why
        assertEquals(DeviceState.DEGRADED, board.snapshot().get(0).state());
        assertEquals(true, board.snapshot().get(0).lastError().startsWith("held for over 1 minute"));

        // when let go
        release();
        time.advance(DEBOUNCE);

        // then connected again, and the long press was reported once
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
        assertEquals(1, heard.size());
    }

    @Test
    void close_stops_reporting() {
        press();
        button.close();
        time.advance(LONG_PRESS);

        assertEquals(List.of(), heard);
    }

    @Test
    void reports_itself_connected_under_its_name() {
        assertEquals("help", button.name());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
    }
}
