package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NewestFrameTest {

    private final NewestFrame frames = new NewestFrame(4);

    @Test
    void a_published_frame_is_taken() throws Exception {
        byte[] first = frames.firstBuffer();
        first[0] = 7;

        frames.publish(first);

        assertSame(first, frames.take(1000));
        assertEquals(0, frames.dropped());
    }

    @Test
    void a_frame_not_taken_before_the_next_arrives_is_dropped() throws Exception {
        // given two frames published while the decoder was busy
        byte[] older = frames.firstBuffer();
        byte[] newer = frames.publish(older);
        frames.publish(newer);

        // when the decoder takes the next frame
        byte[] taken = frames.take(1000);

        // then it gets the newer, and the older is counted as dropped
        assertSame(newer, taken);
        assertEquals(1, frames.dropped());
        assertEquals(2, frames.published());
    }

    @Test
    void three_buffers_go_round_whatever_the_pace() throws Exception {
        Set<byte[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        byte[] filling = frames.firstBuffer();
        for (int i = 0; i < 50; i++) {
            seen.add(filling);
            filling = frames.publish(filling);
            if (i % 3 == 0) {
                seen.add(frames.take(1000));
            }
        }

        assertEquals(3, seen.size());
    }

    @Test
    void waiting_in_vain_gives_null() throws Exception {
        assertNull(frames.take(20));
        assertNull(frames.endReason());
    }

    @Test
    void the_end_wakes_a_waiting_decoder_and_its_first_reason_stands() throws Exception {
        // given a decoder waiting for a frame
        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return frames.take(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);

        // when the reader ends, twice over
        frames.end("camera unplugged");
        frames.end("scanner closed");

        // then the decoder wakes with nothing, and the first reason is kept
        assertNull(waiting.get(10, TimeUnit.SECONDS));
        assertEquals("camera unplugged", frames.endReason());
    }

    @Test
    void a_frame_published_before_the_end_is_still_taken() throws Exception {
        byte[] last = frames.firstBuffer();
        frames.publish(last);
        frames.end("stream ended");

        assertSame(last, frames.take(1000));
        assertNull(frames.take(1000));
        assertTrue(frames.endReason().contains("ended"));
    }
}
