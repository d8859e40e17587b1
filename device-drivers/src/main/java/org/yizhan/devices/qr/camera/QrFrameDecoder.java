package org.yizhan.devices.qr.camera;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Finds and decodes a QR code in one grayscale camera frame: the Y plane of a YUV420 frame as
 * {@code rpicam-vid --codec yuv420} writes it, or a gray frame, read in place (the array may be longer
 * than {@code width × height}; nothing is copied for the first attempt).
 *
 * <p>Attempts, in order, each only when all before it failed:
 * <ol>
 *   <li>{@link Attempt#NOISE_AWARE}: local threshold ({@link NoiseAwareBinarizer}), ZXing's detector, then
 *       the tilt-tolerant {@link PerspectiveQrReader} on the same bits: clean frames, and most blur, tilt,
 *       noise and small codes;</li>
 *   <li>{@link Attempt#GLOBAL_HISTOGRAM}: one threshold for the frame: low contrast and some glare;</li>
 *   <li>{@link Attempt#INVERTED_GLOBAL_HISTOGRAM} and {@link Attempt#INVERTED}: the frame inverted, for a
 *       dark-mode screen (light modules on black), globally then locally thresholded;</li>
 *   <li>{@link Attempt#SHARPENED}: unsharp-masked, for focus and motion blur;</li>
 *   <li>{@link Attempt#STRETCHED}: the 1st–99th percentile stretched to full range, for dim and washed-out
 *       screens.</li>
 * </ol>
 * The order is the greedy one measured on {@link HardFrames}: most frames newly decoded per millisecond
 * first (see docs/devices.md, "Camera scanner").
 *
 * <p>Most frames show an empty room, so two things bound the work on a frame. The last two attempts, the
 * costliest, run only when an earlier one found three confirmed finder patterns in the arrangement of a
 * code ({@link PerspectiveQrReader#sawFinderPatterns}): this halves the cost of an empty frame for about
 * one hard frame in fifty not read. And the time budget stops the sequence between attempts once it is
 * spent, so that a slower machine still keeps up with its camera; the first attempt always runs.
 *
 * <p>Decoded text is whatever the code holds; ZXing's Reed-Solomon check makes a wrong read vanishingly
 * unlikely. Not thread-safe: it keeps ZXing's reader and decoder objects and its scratch buffers between
 * frames; use one instance per thread.
 */
public final class QrFrameDecoder {

    /** What decoded a frame, in the order they are tried. */
    public enum Attempt {
        NOISE_AWARE, GLOBAL_HISTOGRAM, INVERTED_GLOBAL_HISTOGRAM, INVERTED, SHARPENED, STRETCHED
    }

    /** A code read from a frame, and which attempt read it. */
    public record Decoded(String text, Attempt attempt) {

        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(attempt, "attempt");
        }
    }

    /** Enough for every attempt at 640×480 here, with room; on a Pi 4 the last attempts may be cut. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(50);

    private final long budgetNanos;
    private final LongSupplier nanoTime;
    private final QRCodeReader zxingReader = new QRCodeReader();
    private final PerspectiveQrReader perspectiveReader = new PerspectiveQrReader();
    private byte[] inverted = new byte[0];
    private byte[] filtered = new byte[0];
    private int[] scratch = new int[0];
    private int attemptsTried;

    public QrFrameDecoder() {
        this(DEFAULT_BUDGET);
    }

    /** A decoder that starts no new attempt on a frame once {@code budget} has passed since it began. */
    public QrFrameDecoder(Duration budget) {
        this(budget, System::nanoTime);
    }

    QrFrameDecoder(Duration budget, LongSupplier nanoTime) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive, not " + budget);
        }
        this.budgetNanos = budget.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The code in the frame, if one can be read within the budget.
     *
     * @param luminance at least {@code width × height} bytes, row by row, 0 black to 255 white
     */
    public Optional<Decoded> decode(byte[] luminance, int width, int height) {
        if (width < 1 || height < 1 || luminance.length < width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " frame needs " + (long) width * height
                    + " bytes, not " + luminance.length);
        }
        long start = nanoTime.getAsLong();
        boolean sawFinderPatterns = false;
        attemptsTried = 0;
        for (Attempt attempt : Attempt.values()) {
            if (attempt.ordinal() >= Attempt.SHARPENED.ordinal() && !sawFinderPatterns) {
                // Nothing like a code so far: the frame is most likely of an empty room, the common case,
                // and the two costliest attempts would only warm the Pi.
                return Optional.empty();
            }
            if (attempt != Attempt.NOISE_AWARE && nanoTime.getAsLong() - start >= budgetNanos) {
                return Optional.empty();
            }
            attemptsTried++;
            String text = attempt(attempt, luminance, width, height);
            if (text != null) {
                return Optional.of(new Decoded(text, attempt));
            }
            sawFinderPatterns |= perspectiveReader.sawFinderPatterns();
        }
        return Optional.empty();
    }

    /** How many attempts the last {@link #decode} made, the successful one included. */
    int attemptsTried() {
        return attemptsTried;
    }

    private String attempt(Attempt attempt, byte[] luminance, int width, int height) {
        int pixels = width * height;
        switch (attempt) {
            case NOISE_AWARE -> {
                return readLocally(source(luminance, width, height), true);
            }
            case GLOBAL_HISTOGRAM -> {
                return readGlobally(source(luminance, width, height));
            }
            case INVERTED_GLOBAL_HISTOGRAM -> {
                inverted = ensure(inverted, pixels);
                LuminanceFilters.invert(luminance, width, height, inverted);
                return readGlobally(source(inverted, width, height));
            }
            case INVERTED -> {
                // The previous attempt left the inverted frame in its buffer.
                return readLocally(source(inverted, width, height), false);
            }
            case SHARPENED -> {
                filtered = ensure(filtered, pixels);
                if (scratch.length < pixels) {
                    scratch = new int[pixels];
                }
                LuminanceFilters.sharpen(luminance, width, height, scratch, filtered);
                return readLocally(source(filtered, width, height), false);
            }
            case STRETCHED -> {
                filtered = ensure(filtered, pixels);
                LuminanceFilters.stretch(luminance, width, height, filtered);
                return readLocally(source(filtered, width, height), false);
            }
            default -> throw new IllegalStateException("unknown attempt " + attempt);
        }
    }

    private static PlanarYUVLuminanceSource source(byte[] luminance, int width, int height) {
        return new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false);
    }

    private static byte[] ensure(byte[] buffer, int size) {
        return buffer.length >= size ? buffer : new byte[size];
    }

    private String readLocally(PlanarYUVLuminanceSource source, boolean zxingDetectorFirst) {
        NoiseAwareBinarizer binarizer = new NoiseAwareBinarizer(source);
        if (zxingDetectorFirst) {
            // ZXing's own detector first: it is the most precise on a code seen square-on, and the bits it
            // works on are the perspective reader's too.
            try {
                return zxingReader.decode(new BinaryBitmap(binarizer)).getText();
            } catch (ReaderException e) {
                // Not found, or not read: the perspective reader looks again.
            } finally {
                zxingReader.reset();
            }
        }
        return perspectiveReader.read(binarizer.getBlackMatrix());
    }

    private String readGlobally(PlanarYUVLuminanceSource source) {
        BitMatrix bits;
        try {
            bits = new GlobalHistogramBinarizer(source).getBlackMatrix();
        } catch (ReaderException e) {
            // A frame of one grey level has no histogram valley.
            return null;
        }
        return perspectiveReader.read(bits);
    }
}
