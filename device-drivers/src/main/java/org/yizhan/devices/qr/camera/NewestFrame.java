package org.yizhan.devices.qr.camera;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands frames from the thread that reads the camera to the thread that decodes them, newest first: a
 * frame not yet taken when the next one arrives is dropped, so a decoder slower than its camera always
 * works on the latest picture rather than on a queue of old ones.
 *
 * <p>Three buffers go round (one filling, one waiting, one decoding) and none is allocated per frame.
 * One reader thread ({@link #publish}, {@link #end}) and one taker thread ({@link #take}); {@link #end}
 * may also come from any thread.
 */
final class NewestFrame {

    private final Deque<byte[]> free = new ArrayDeque<>();
    private byte[] waiting;
    private byte[] taken;
    private String endReason;
    private long published;
    private long dropped;

    NewestFrame(int frameBytes) {
        for (int i = 0; i < 3; i++) {
            free.push(new byte[frameBytes]);
        }
    }

    /** A buffer for the reader to fill first. */
    synchronized byte[] firstBuffer() {
        return free.pop();
    }

    /** Offers a filled frame; returns the buffer to fill next. */
    synchronized byte[] publish(byte[] filled) {
        byte[] next;
        if (waiting != null) {
            dropped++;
            next = waiting;
        } else {
            next = free.pop();
        }
        waiting = filled;
        published++;
        notifyAll();
        return next;
    }

    /** No more frames will come; {@code reason} says why. The first reason given stands. */
    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
        notifyAll();
    }

    /**
     * The newest frame not yet taken, waiting up to {@code timeoutMillis} for one; null when none came in
     * time or the reader has ended. The frame stays valid until the next call.
     */
    synchronized byte[] take(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (waiting == null && endReason == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        if (waiting == null) {
            return null;
        }
        if (taken != null) {
            free.push(taken);
        }
        taken = waiting;
        waiting = null;
        return taken;
    }

    /** Why the reader ended, or null while it has not. */
    synchronized String endReason() {
        return endReason;
    }

    synchronized long published() {
        return published;
    }

    synchronized long dropped() {
        return dropped;
    }
}
