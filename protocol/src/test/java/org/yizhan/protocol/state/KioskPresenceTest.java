package org.yizhan.protocol.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.message.Envelope;

class KioskPresenceTest {

    private static final Instant T = Instant.parse("2026-03-02T08:15:00Z");

    private static KioskState online(long birthSeq) {
        return KioskState.online(Envelope.next(birthSeq, T), birthSeq);
    }

    private static KioskState will(long birthSeq) {
        return KioskState.will(Envelope.next(birthSeq, T), birthSeq);
    }

    @Test
    void takes_the_first_state_it_hears() {
        KioskState first = will(5);

        assertSame(first, KioskPresence.apply(null, first));
    }

    @Test
    void ignores_a_stale_will_that_arrives_after_the_reconnect() {
        // given the kiosk reconnected (6) before the broker noticed its old connection (5) was dead
        KioskState reconnected = online(6);

        // when the old connection's will arrives
        KioskState kept = KioskPresence.apply(reconnected, will(5));

        // then the kiosk stays online
        assertSame(reconnected, kept);
        assertFalse(KioskPresence.supersedes(reconnected, will(5)));
    }

    @Test
    void the_will_of_the_current_connection_takes_the_kiosk_offline() {
        KioskState current = online(6);
        KioskState lost = will(6);

        assertSame(lost, KioskPresence.apply(current, lost));
        assertTrue(KioskPresence.supersedes(current, lost));
    }

    @Test
    void a_new_connection_brings_the_kiosk_back_online() {
        KioskState lost = will(6);
        KioskState back = online(7);

        assertSame(back, KioskPresence.apply(lost, back));
    }

    @Test
    void a_late_copy_of_an_online_after_its_own_will_changes_nothing() {
        KioskState lost = will(6);

        assertSame(lost, KioskPresence.apply(lost, online(6)));
    }

    @Test
    void an_offline_of_a_later_connection_wins_even_if_its_online_was_missed() {
        KioskState current = online(6);
        KioskState later = will(8);

        assertSame(later, KioskPresence.apply(current, later));
    }

    @Test
    void the_same_state_again_keeps_the_one_already_held() {
        KioskState current = online(6);

        assertSame(current, KioskPresence.apply(current, online(6)));
        assertFalse(KioskPresence.supersedes(current, online(6)));
    }

    @Test
    void the_outcome_does_not_depend_on_arrival_order_of_one_reconnect() {
        // given the three messages of a network loss and reconnect
        KioskState online5 = online(5);
        KioskState will5 = will(5);
        KioskState online6 = online(6);

        // when the will arrives before or after the new online
        KioskState inOrder = KioskPresence.apply(KioskPresence.apply(online5, will5), online6);
        KioskState willLate = KioskPresence.apply(KioskPresence.apply(online5, online6), will5);

        // then both end online on connection 6
        assertSame(online6, inOrder);
        assertSame(online6, willLate);
    }
}
