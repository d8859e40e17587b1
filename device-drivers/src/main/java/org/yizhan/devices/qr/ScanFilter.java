package org.yizhan.devices.qr;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What every scanner does with a code before passing it on. A scanner reads a code held before it many
 * times a second, and garbage arrives from bad cables and stray keyboards, so:
 * <ul>
 *   <li>the same code again within the repeat window is dropped (one scan, not ten);</li>
 *   <li>a code over 4 KB (UTF-8), empty, or with a control character is refused with a reason.</li>
 * </ul>
 * Threading: one scanner thread at a time.
 */
public final class ScanFilter {

    public static final int MAX_BYTES = 4096;

    /** Long enough to swallow a scanner's re-reads of a code held still; short enough for a second visitor. */
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofSeconds(2);

    /** The verdict on one code read. */
    public sealed interface Verdict {
        record Accepted(String code) implements Verdict {
        }

        record Repeated() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private final Clock clock;
    private final Duration repeatWindow;
    private String lastCode;
    private Instant lastAt = Instant.MIN;

    public ScanFilter(Clock clock, Duration repeatWindow) {
        this.clock = clock;
        this.repeatWindow = repeatWindow;
    }

    public Verdict check(String code) {
        if (code.isEmpty()) {
            return new Verdict.Refused("empty code");
        }
        int bytes = code.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return new Verdict.Refused("code of " + bytes + " bytes is over the " + MAX_BYTES + "-byte limit");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isISOControl(c)) {
                return new Verdict.Refused(String.format("control character U+%04X at position %d", (int) c, i));
            }
        }
        Instant now = clock.instant();
        boolean repeat = code.equals(lastCode) && now.isBefore(lastAt.plus(repeatWindow));
        // A code held in front of the scanner keeps the window open until it is taken away.
        lastCode = code;
        lastAt = now;
        return repeat ? new Verdict.Repeated() : new Verdict.Accepted(code);
    }

    /** Passes the verdict on {@code code} to {@code listener}; repeats are dropped silently. */
    public void deliver(String code, QrScanListener listener) {
        Verdict verdict = check(code);
        if (verdict instanceof Verdict.Accepted accepted) {
            listener.scanned(accepted.code());
        } else if (verdict instanceof Verdict.Refused refused) {
            listener.refused(refused.reason());
        }
    }
}
