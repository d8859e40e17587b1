package org.yizhan.devices.buzzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.gpio.ManualTime;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

/** What every buzzer does, on time that moves only when the test says. */
abstract class BuzzerContract {

    static final Duration BEEP = Duration.ofMillis(100);

    protected final ManualTime time = new ManualTime();
    protected final DeviceStatusBoard board = new DeviceStatusBoard(time);
    protected Buzzer buzzer;

    /** A buzzer with {@link #BEEP}, on {@link #time} and {@link #board}. */
    protected abstract Buzzer createBuzzer();

    /** Whether it makes a sound now. */
    protected abstract boolean sounding();

    @BeforeEach
    void createTheBuzzer() {
        buzzer = createBuzzer();
    }

    @AfterEach
    void closeTheBuzzer() {
        buzzer.close();
    }

    /** Samples the buzzer every millisecond for {@code millis} and returns the on/off runs, in ms. */
    private List<String> listen(long millis) {
        List<String> runs = new ArrayList<>();
        boolean on = sounding();
        long length = 0;
        for (long t = 0; t < millis; t++) {
            boolean now = sounding();
            if (now != on) {
                runs.add((on ? "on " : "off ") + length);
                on = now;
                length = 0;
            }
            length++;
            time.advanceMillis(1);
        }
        runs.add((on ? "on " : "off ") + length);
        return runs;
    }

    @Test
    void is_silent_until_asked() {
        assertFalse(sounding());
    }

    @Test
    void a_short_beep_sounds_for_one_beep_length() {
        buzzer.play(BeepPattern.SHORT);

        assertEquals(List.of("on 100", "off 400"), listen(500));
    }

    @Test
    void a_double_beep_is_two_beeps_a_beep_apart() {
        buzzer.play(BeepPattern.DOUBLE);

        assertEquals(List.of("on 100", "off 100", "on 100", "off 200"), listen(500));
    }

    @Test
    void attention_is_three_long_tones_and_then_silence() {
        buzzer.play(BeepPattern.ATTENTION);

        assertEquals(List.of("on 500", "off 300", "on 500", "off 300", "on 500", "off 900"), listen(3000));
    }

    @Test
    void a_new_pattern_cuts_off_the_one_sounding() {
        // given the attention tone, 50 ms in
        buzzer.play(BeepPattern.ATTENTION);
        time.advanceMillis(50);

        // when a check-in is accepted
        buzzer.play(BeepPattern.SHORT);

        // then one short beep, and the rest of the attention tones never sound
        assertEquals(List.of("on 100", "off 2900"), listen(3000));
    }

    @Test
    void close_silences_it_and_later_patterns_are_ignored() {
        buzzer.play(BeepPattern.ATTENTION);

        buzzer.close();
        buzzer.play(BeepPattern.SHORT);

        assertEquals(List.of("off 1000"), listen(1000));
    }

    @Test
    void reports_itself_connected_under_its_name() {
        assertEquals("buzzer", buzzer.name());
        assertEquals(DeviceState.CONNECTED, board.snapshot().get(0).state());
    }
}
