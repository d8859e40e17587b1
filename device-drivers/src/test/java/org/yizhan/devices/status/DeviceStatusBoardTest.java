package org.yizhan.devices.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceStatusBoardTest {

    private final MutableClock clock = new MutableClock();
    private final DeviceStatusBoard board = new DeviceStatusBoard(clock);
    private final List<DeviceStatus> published = new ArrayList<>();

    {
        board.subscribe(published::add);
    }

    @Test
    void publishes_changes_only() {
        board.connected("scanner");
        board.connected("scanner");
        board.absent("scanner", "unplugged");
        board.absent("scanner", "unplugged");

        assertEquals(List.of(DeviceState.CONNECTED, DeviceState.ABSENT),
                published.stream().map(DeviceStatus::state).toList());
    }

    @Test
    void a_new_error_in_the_same_state_is_published_but_keeps_since() {
        board.degraded("bp-monitor", "bad frame");
        clock.now = clock.now.plusSeconds(30);
        board.degraded("bp-monitor", "reading out of range");

        assertEquals(2, published.size());
        assertEquals("reading out of range", published.get(1).lastError());
        assertEquals(published.get(0).since(), published.get(1).since());
    }

    @Test
    void reconnecting_remembers_the_last_error_and_starts_a_new_since() {
        board.absent("door", "gpio line busy");
        clock.now = clock.now.plusSeconds(5);
        board.connected("door");

        DeviceStatus now = board.snapshot().get(0);
        assertEquals(DeviceState.CONNECTED, now.state());
        assertEquals("gpio line busy", now.lastError());
        assertEquals(clock.now, now.since());
    }

    @Test
    void a_device_that_never_failed_has_no_error() {
        board.connected("light");

        assertNull(board.snapshot().get(0).lastError());
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
