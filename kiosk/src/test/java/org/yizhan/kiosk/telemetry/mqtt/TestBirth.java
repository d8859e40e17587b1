package org.yizhan.kiosk.telemetry.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.yizhan.kiosk.telemetry.KioskBirth;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.state.BirthSequence;

/** The kiosk's side of a connect in a test: birth sequences kept in memory, a small recognisable birth payload. */
final class TestBirth implements KioskBirth {

    private final AtomicLong seq = new AtomicLong();
    private final List<Long> issued = new CopyOnWriteArrayList<>();
    private long last;

    @Override
    public synchronized long nextBirthSequence() {
        last = BirthSequence.next(last, Instant.now());
        issued.add(last);
        return last;
    }

    @Override
    public Envelope nextEnvelope() {
        return Envelope.next(seq.getAndIncrement(), Instant.now());
    }

    @Override
    public byte[] birthPayload(long birthSeq) {
        return payload(birthSeq);
    }

    /** Every birth sequence handed out, one per connect attempt, in order. */
    List<Long> issued() {
        return List.copyOf(issued);
    }

    static byte[] payload(long birthSeq) {
        return ("{\"test-birth\":" + birthSeq + "}").getBytes(StandardCharsets.UTF_8);
    }
}
