package org.yizhan.kiosk.ui.scan;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at a keyboard. A USB QR scanner "types" the code it read
 * and then Enter, much faster than anyone types; this class collects typed characters and, on Enter,
 * returns the text only when the burst looks like a scan:
 *
 * <ul>
 *   <li>at least {@code minLength} characters;</li>
 *   <li>no gap between keystrokes (Enter included) longer than {@code maxGap} — a longer pause drops what
 *       was typed before it, so the buffer restarts with the next character;</li>
 *   <li>the median gap no longer than {@code maxMedianGap}, so a fast typist is still not a scanner.</li>
 * </ul>
 *
 * Anything else is discarded without a trace; Enter always empties the buffer. Control characters
 * other than Enter (Tab, Backspace, Escape) are ignored: some scanners add them, and a person's
 * corrections must not turn into part of a scan.
 *
 * <p>Times are {@link System#nanoTime()} readings and must not decrease. Not thread-safe: the window
 * feeds it from its one UI thread.
 */
public final class KeyboardWedge {

    public static final int DEFAULT_MIN_LENGTH = 4;
    public static final Duration DEFAULT_MAX_MEDIAN_GAP = Duration.ofMillis(30);
    public static final Duration DEFAULT_MAX_GAP = Duration.ofMillis(100);

    /** Longer bursts are dropped: a pass is about 300 characters; a jammed key must not grow the heap. */
    static final int MAX_LENGTH = 4096;

    private final int minLength;
    private final long maxMedianGapNanos;
    private final long maxGapNanos;

    private final StringBuilder text = new StringBuilder();
    private long[] gaps = new long[64];
    private int gapCount;
    private long lastNanos;

    public KeyboardWedge() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_MAX_MEDIAN_GAP, DEFAULT_MAX_GAP);
    }

    public KeyboardWedge(int minLength, Duration maxMedianGap, Duration maxGap) {
        if (minLength < 1) {
            throw new IllegalArgumentException("minLength must be at least 1, was " + minLength);
        }
        if (maxMedianGap.isNegative() || maxGap.compareTo(maxMedianGap) < 0) {
            throw new IllegalArgumentException("need 0 <= maxMedianGap <= maxGap, were " + maxMedianGap + " and "
                    + maxGap);
        }
        this.minLength = minLength;
        this.maxMedianGapNanos = maxMedianGap.toNanos();
        this.maxGapNanos = maxGap.toNanos();
    }

    /** Takes one typed character; on Enter, the scanned text if the burst was a scan. */
    public Optional<String> type(char c, long nanoTime) {
        if (c == '\r' || c == '\n') {
            return enter(nanoTime);
        }
        if (Character.isISOControl(c)) {
            return Optional.empty();
        }
        if (!text.isEmpty()) {
            long gap = nanoTime - lastNanos;
            if (gap > maxGapNanos) {
                clear();
            } else {
                addGap(gap);
            }
        }
        if (text.length() >= MAX_LENGTH) {
            clear();
        }
        text.append(c);
        lastNanos = nanoTime;
        return Optional.empty();
    }

    private Optional<String> enter(long nanoTime) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        addGap(nanoTime - lastNanos);
        boolean scan = text.length() >= minLength && maxGap() <= maxGapNanos && medianGap() <= maxMedianGapNanos;
        String scanned = text.toString();
        clear();
        return scan ? Optional.of(scanned) : Optional.empty();
    }

    private void addGap(long gap) {
        if (gapCount == gaps.length) {
            gaps = Arrays.copyOf(gaps, gapCount * 2);
        }
        gaps[gapCount++] = gap;
    }

    private long maxGap() {
        long max = 0;
        for (int i = 0; i < gapCount; i++) {
            max = Math.max(max, gaps[i]);
        }
        return max;
    }

    /** The upper median: with an even count the slower of the two middle gaps, which errs towards "typed". */
    private long medianGap() {
        long[] sorted = Arrays.copyOf(gaps, gapCount);
        Arrays.sort(sorted);
        return sorted[gapCount / 2];
    }

    private void clear() {
        text.setLength(0);
        gapCount = 0;
    }
}
