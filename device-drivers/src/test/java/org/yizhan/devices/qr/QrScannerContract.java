package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * What every {@link QrScanner} promises, run against each implementation through a {@link Rig}: the
 * simulated twin, and each real scanner on a fake transport (a camera rig would render frames).
 *
 * <p>The scanners' filter runs on a fixed clock, so "twice in quick succession" cannot turn into "twice,
 * seconds apart" on a slow machine; the board runs on the real clock. Waits are up to five seconds,
 * the kiosk's promise for finding a replugged device.
 */
public abstract class QrScannerContract {

    /** A scanner and the means to act on its device the way the world would. */
    protected interface Rig {

        QrScanner scanner();

        /** The device reads {@code code}, as when a visitor holds it up, and sends it as its kind does. */
        void present(String code) throws Exception;

        /** The device goes away: unplugged, its port or node removed. */
        void vanish() throws Exception;

        /** The device is back. */
        void reappear() throws Exception;
    }

    protected static final String NAME = "scanner";
    protected static final Duration WITHIN = Duration.ofSeconds(5);

    protected final Clock scanClock = Clock.fixed(Instant.parse("2026-11-23T21:47:13Z"), ZoneOffset.UTC);
    protected final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    protected final StatusRecorder statuses = new StatusRecorder(board, NAME);
    protected final RecordingListener listener = new RecordingListener();
    protected Rig rig;

    /** A rig whose scanner is named {@link #NAME}, reports to {@code board} and filters on {@code scanClock}. */
    protected abstract Rig rig(DeviceStatusBoard board, Clock scanClock) throws Exception;

    @BeforeEach
    void start_the_scanner() throws Exception {
        rig = rig(board, scanClock);
        rig.scanner().start(listener);
        statuses.await(DeviceState.CONNECTED, WITHIN);
    }

    @AfterEach
    void close_the_scanner() {
        rig.scanner().close();
    }

    @Test
    void one_code_presented_is_one_scan() throws Exception {
        // given a connected scanner
        // when a pass is held up
        rig.present("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ2LTQyIn0.Q2x_t-9z");

        // then the listener hears exactly that pass
        assertEquals(new RecordingListener.Scanned("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ2LTQyIn0.Q2x_t-9z"),
                listener.next());
    }

    @Test
    void the_same_code_twice_in_quick_succession_is_one_scan() throws Exception {
        // given a pass read once
        rig.present("PASS-A");

        // when the scanner reads it again at once, then another pass follows
        rig.present("PASS-A");
        rig.present("PASS-B");

        // then the repeat is gone: the next thing heard after the first scan is the other pass
        assertEquals(new RecordingListener.Scanned("PASS-A"), listener.next());
        assertEquals(new RecordingListener.Scanned("PASS-B"), listener.next());
    }

    @Test
    void refuses_a_code_over_4_kb_with_a_reason() throws Exception {
        // when the scanner reads a code of 5000 digits (digits, so that a camera can be shown it too: a QR
        // code holds up to 7089 digits but only 2953 bytes)
        rig.present("9".repeat(5000));

        // then it is refused, saying why, and not scanned
        assertReason(listener.nextRefusal());
    }

    @Test
    void refuses_a_code_with_a_control_character_with_a_reason() throws Exception {
        // when the scanner reads a code with an Escape in it
        rig.present("PASS\u001bX");

        // then it is refused, saying why
        assertReason(listener.nextRefusal());
    }

    @Test
    void a_refused_code_does_not_spoil_the_next() throws Exception {
        // given a code that was refused
        rig.present("BAD\u001bCODE");
        assertReason(listener.nextRefusal());

        // when a good one follows
        rig.present("GOOD-CODE");

        // then it is scanned whole
        assertEquals(new RecordingListener.Scanned("GOOD-CODE"), listener.next());
    }

    @Test
    void is_reported_absent_when_it_vanishes_and_scans_again_within_5_s_of_its_return() throws Exception {
        // given a scanner that has read a pass
        rig.present("BEFORE-UNPLUG");
        assertEquals(new RecordingListener.Scanned("BEFORE-UNPLUG"), listener.next());

        // when it is unplugged
        rig.vanish();

        // then the board says so, with a reason
        DeviceStatus absent = statuses.await(DeviceState.ABSENT, WITHIN);
        assertNotNull(absent.lastError());

        // when it is plugged back in
        rig.reappear();

        // then it is connected again and reads the next pass
        statuses.await(DeviceState.CONNECTED, WITHIN);
        rig.present("AFTER-REPLUG");
        assertEquals(new RecordingListener.Scanned("AFTER-REPLUG"), listener.next());
    }

    private static void assertReason(RecordingListener.Refused refused) {
        assertFalse(refused.reason().isBlank(), "a refusal must say why");
    }
}
