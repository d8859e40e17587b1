package org.yizhan.devices.qr.serial;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.yizhan.devices.qr.ScanDecoder;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.ScanRead;

/**
 * Splits a serial scanner's bytes into codes at the {@link Terminator} and decodes each as UTF-8.
 *
 * <ul>
 *   <li>A line with invalid UTF-8 is refused, naming the byte where it breaks.</li>
 *   <li>A line holding a CR or LF that the terminator does not consume is refused with a hint: the
 *       scanner's line ending differs from {@code scanner.terminator} (CRLF read as CR leaves an LF at
 *       the start of every following code).</li>
 *   <li>A line that reaches {@link #LIMIT_BYTES} without a terminator is refused at once, and the rest
 *       of it, up to the next terminator, discarded: a scanner with the wrong terminator, or noise on
 *       the line, cannot make the kiosk buffer without end.</li>
 * </ul>
 * Every other terminator yields one {@link ScanRead.Code}, even an empty one, for the filter to judge.
 *
 * <p>Threading: one thread at a time.
 */
public final class SerialLineDecoder implements ScanDecoder {

    /** The filter's limit plus a margin, so a code slightly too long still gets the filter's exact reason. */
    public static final int LIMIT_BYTES = ScanFilter.MAX_BYTES + 256;

    private final Terminator terminator;
    private final byte[] line = new byte[LIMIT_BYTES];
    private int length;
    private int previous = -1;
    private boolean discarding;

    public SerialLineDecoder(Terminator terminator) {
        this.terminator = Objects.requireNonNull(terminator, "terminator");
    }

    @Override
    public void decode(byte[] bytes, int count, Consumer<ScanRead> out) {
        for (int i = 0; i < count; i++) {
            int b = bytes[i] & 0xFF;
            boolean ends = b == terminator.last()
                    && (terminator.beforeLast() < 0 || previous == terminator.beforeLast());
            previous = b;
            if (ends) {
                // A two-byte terminator's first byte was taken into the line before its end was known.
                int content = terminator.beforeLast() < 0 ? length : length - 1;
                if (!discarding) {
                    out.accept(line(content));
                }
                discarding = false;
                length = 0;
            } else if (!discarding) {
                if (length == LIMIT_BYTES) {
                    discarding = true;
                    length = 0;
                    out.accept(new ScanRead.Unreadable("no terminator (" + terminator.label() + ") within "
                            + LIMIT_BYTES + " bytes: the line is discarded up to the next one; check scanner.terminator"));
                } else {
                    line[length++] = (byte) b;
                }
            }
        }
    }

    @Override
    public Optional<ScanRead> end() {
        boolean begun = length > 0 && !discarding;
        int read = length;
        length = 0;
        discarding = false;
        previous = -1;
        if (!begun) {
            return Optional.empty();
        }
        return Optional.of(new ScanRead.Unreadable("the scanner stopped before its terminator ("
                + terminator.label() + "), after " + read + " bytes"));
    }

    private ScanRead line(int count) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(line, 0, count);
        CharBuffer text = CharBuffer.allocate(count);
        CoderResult result = utf8.decode(in, text, true);
        if (result.isError()) {
            return new ScanRead.Unreadable("invalid UTF-8 at byte " + in.position() + " of " + count);
        }
        utf8.flush(text);
        String code = text.flip().toString();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\r' || c == '\n') {
                return new ScanRead.Unreadable((c == '\r' ? "CR" : "LF") + " at position " + i
                        + " of a code: the scanner's line ending differs from scanner.terminator="
                        + terminator.label());
            }
        }
        return new ScanRead.Code(code);
    }
}
