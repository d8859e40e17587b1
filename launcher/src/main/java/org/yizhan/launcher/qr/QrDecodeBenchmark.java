package org.yizhan.launcher.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.yizhan.devices.qr.camera.HardFrames;
import org.yizhan.devices.qr.camera.QrFrameDecoder;

/**
 * The camera decoding benchmark (issue 3, acceptance criterion 3): {@link HardFrames} of every category,
 * each decoded by the kiosk's {@link QrFrameDecoder} as the kiosk runs it (default time budget), by plain
 * ZXing (QR_CODE + TRY_HARDER, HybridBinarizer, the usual way of calling it) and by {@code zbarimg} when
 * installed. A decode counts only when its text equals the token rendered; a code read from an empty
 * frame is a misread.
 *
 * <p>Frames per second are wall time on this machine, one thread, decoding only: the Java decoders get the
 * luminance in memory, after a warm-up on other frames; {@code zbarimg} runs once per category over PNG
 * files written beforehand, so its figure includes reading those PNGs and starting the process. Frames
 * are made and dropped category by category, so memory stays small whatever {@code --frames} is.
 */
final class QrDecodeBenchmark {

    /** How one decoder did on one category: frames read correctly (misreads, for empty frames) and time. */
    record Tally(int read, int frames, long nanos) {

        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(read + other.read, frames + other.frames, nanos + other.nanos);
        }

        double framesPerSecond() {
            return nanos == 0 ? 0 : frames * 1e9 / nanos;
        }
    }

    /** All figures of a run; {@code zbar} is empty when zbarimg was not there. */
    record Result(int perCategory, long seed, Map<HardFrames.Category, Tally> kiosk,
            Map<HardFrames.Category, Tally> plain, Optional<Map<HardFrames.Category, Tally>> zbar,
            Map<QrFrameDecoder.Attempt, Integer> attempts, String zbarDescription) {
    }

    private static final int WARM_UP_FRAMES = 3;
    private static final int WARM_UP_ROUNDS = 2;

    private final int perCategory;
    private final long seed;
    private final Optional<ZbarImg> zbarimg;
    private final PrintWriter progress;
    private final QrFrameDecoder kioskDecoder = new QrFrameDecoder();
    private final QRCodeReader plainReader = new QRCodeReader();
    private final Map<DecodeHintType, Object> plainHints = new EnumMap<>(DecodeHintType.class);

    QrDecodeBenchmark(int perCategory, long seed, Optional<ZbarImg> zbarimg, PrintWriter progress) {
        if (perCategory < 1) {
            throw new IllegalArgumentException("--frames must be at least 1, not " + perCategory);
        }
        this.perCategory = perCategory;
        this.seed = seed;
        this.zbarimg = zbarimg;
        this.progress = progress;
        plainHints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        plainHints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }

    Result run() throws IOException {
        warmUp();
        Map<HardFrames.Category, Tally> kiosk = new EnumMap<>(HardFrames.Category.class);
        Map<HardFrames.Category, Tally> plain = new EnumMap<>(HardFrames.Category.class);
        Map<HardFrames.Category, Tally> zbar = new EnumMap<>(HardFrames.Category.class);
        Map<QrFrameDecoder.Attempt, Integer> attempts = new EnumMap<>(QrFrameDecoder.Attempt.class);
        HardFrames generator = new HardFrames(seed);
        Path pngs = zbarimg.isPresent() ? Files.createTempDirectory("yizhan-qr-bench") : null;
        try {
            for (HardFrames.Category category : HardFrames.Category.values()) {
                progress.printf("%s: rendering %d frames and decoding them%n", category.label(), perCategory);
                progress.flush();
                List<HardFrames.HardFrame> frames = generator.generate(perCategory, EnumSet.of(category));
                kiosk.put(category, measure(frames, frame -> decodeWithKiosk(frame, attempts)));
                plain.put(category, measure(frames, this::decodeWithPlainZxing));
                if (pngs != null) {
                    zbar.put(category, measureZbar(frames, pngs));
                }
            }
        } finally {
            if (pngs != null) {
                try (Stream<Path> files = Files.walk(pngs)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return new Result(perCategory, seed, kiosk, plain, pngs == null ? Optional.empty() : Optional.of(zbar),
                attempts, zbarimg.map(ZbarImg::describe).orElse("zbarimg not installed"));
    }

    private void warmUp() {
        // Frames of another seed, so the measured ones are new to the decoders as a camera's are.
        List<HardFrames.HardFrame> frames = new HardFrames(seed + 1).generate(WARM_UP_FRAMES);
        progress.printf("warming up on %d frames%n", frames.size());
        progress.flush();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (HardFrames.HardFrame frame : frames) {
                decodeWithKiosk(frame, new EnumMap<>(QrFrameDecoder.Attempt.class));
                decodeWithPlainZxing(frame);
            }
        }
    }

    private interface FrameDecoder {
        /** The text read, or null. */
        String decode(HardFrames.HardFrame frame);
    }

    /** The kiosk decoder's read; {@code attempts} counts which attempt read each correct one. */
    private String decodeWithKiosk(HardFrames.HardFrame frame, Map<QrFrameDecoder.Attempt, Integer> attempts) {
        Optional<QrFrameDecoder.Decoded> decoded =
                kioskDecoder.decode(frame.luminance(), frame.width(), frame.height());
        if (decoded.isEmpty()) {
            return null;
        }
        if (decoded.get().text().equals(frame.token())) {
            attempts.merge(decoded.get().attempt(), 1, Integer::sum);
        }
        return decoded.get().text();
    }

    private String decodeWithPlainZxing(HardFrames.HardFrame frame) {
        var source = new PlanarYUVLuminanceSource(frame.luminance(), frame.width(), frame.height(), 0, 0, frame.width(),
                frame.height(), false);
        try {
            return plainReader.decode(new BinaryBitmap(new HybridBinarizer(source)), plainHints).getText();
        } catch (ReaderException e) {
            return null;
        } finally {
            plainReader.reset();
        }
    }

    private static Tally measure(List<HardFrames.HardFrame> frames, FrameDecoder decoder) {
        int read = 0;
        long nanos = 0;
        for (HardFrames.HardFrame frame : frames) {
            long start = System.nanoTime();
            String text = decoder.decode(frame);
            nanos += System.nanoTime() - start;
            read += counts(frame, text) ? 1 : 0;
        }
        return new Tally(read, frames.size(), nanos);
    }

    /** A read counts when it is the rendered token; on an empty frame, any read counts (as a misread). */
    private static boolean counts(HardFrames.HardFrame frame, String text) {
        return frame.hasCode() ? frame.token().equals(text) : text != null;
    }

    private Tally measureZbar(List<HardFrames.HardFrame> frames, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (HardFrames.HardFrame frame : frames) {
            BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, frame.width(), frame.height(), frame.luminance());
            Path file = dir.resolve(frame.name() + ".png");
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        ZbarImg.Run run = zbarimg.orElseThrow().decode(files);
        int read = 0;
        for (int i = 0; i < frames.size(); i++) {
            read += counts(frames.get(i), run.texts().get(files.get(i))) ? 1 : 0;
        }
        return new Tally(read, frames.size(), run.nanos());
    }

    /** The table: one row per category, a total over the frames with a code, the empty frames, the ratios. */
    static void print(Result result, PrintWriter out) {
        List<HardFrames.Category> coded = new ArrayList<>(EnumSet.allOf(HardFrames.Category.class));
        coded.remove(HardFrames.Category.EMPTY);
        int processors = Runtime.getRuntime().availableProcessors();
        out.printf("QR decoding of generated 640×480 frames: %d per category, seed %d, %d processors%n",
                result.perCategory(), result.seed(), processors);
        out.printf("  kiosk   = QrFrameDecoder, %d ms budget per frame%n", QrFrameDecoder.DEFAULT_BUDGET.toMillis());
        out.println("  plain   = ZXing QRCodeReader, QR_CODE + TRY_HARDER, HybridBinarizer");
        out.println("  zbarimg = " + result.zbarDescription() + (result.zbar().isPresent() ? ", QR only" : ""));
        out.println();
        row(out, "category", String.format("%-22s", "kiosk   read    fps"),
                String.format("%-22s", "plain   read    fps"), "zbarimg read    fps");
        Tally kioskAll = Tally.NONE;
        Tally plainAll = Tally.NONE;
        Tally zbarAll = Tally.NONE;
        for (HardFrames.Category category : coded) {
            Tally kiosk = result.kiosk().get(category);
            Tally plain = result.plain().get(category);
            Tally zbar = result.zbar().map(z -> z.get(category)).orElse(null);
            kioskAll = kioskAll.plus(kiosk);
            plainAll = plainAll.plus(plain);
            zbarAll = zbar == null ? zbarAll : zbarAll.plus(zbar);
            row(out, category.label(), cell(kiosk), cell(plain), zbar == null ? "-" : cell(zbar));
        }
        row(out, "all with a code", cell(kioskAll), cell(plainAll), result.zbar().isPresent() ? cell(zbarAll) : "-");
        HardFrames.Category empty = HardFrames.Category.EMPTY;
        row(out, "empty (misread)", emptyCell(result.kiosk().get(empty)), emptyCell(result.plain().get(empty)),
                result.zbar().map(z -> emptyCell(z.get(empty))).orElse("-"));
        out.println();
        out.printf("kiosk/plain: %.2f× the frames read, at %.2f× the frames per second (%.2f× on empty frames)%n",
                ratio(kioskAll.read(), plainAll.read()), kioskAll.framesPerSecond() / plainAll.framesPerSecond(),
                result.kiosk().get(empty).framesPerSecond() / result.plain().get(empty).framesPerSecond());
        if (result.zbar().isPresent()) {
            out.printf("kiosk/zbarimg: %.2f× the frames read%n", ratio(kioskAll.read(), zbarAll.read()));
        }
        StringBuilder attempts = new StringBuilder("kiosk reads by attempt:");
        for (QrFrameDecoder.Attempt attempt : QrFrameDecoder.Attempt.values()) {
            attempts.append(' ').append(attempt.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(' ').append(result.attempts().getOrDefault(attempt, 0));
        }
        out.println(attempts);
        if (result.zbar().isPresent()) {
            out.println("zbarimg fps include reading its PNG files and one process start per category.");
        } else {
            out.println("zbarimg not installed (apt-get install zbar-tools to compare with it).");
        }
        out.flush();
    }

    private static void row(PrintWriter out, String label, String kiosk, String plain, String zbar) {
        out.println(String.format("%-16s%s%s%s", label, kiosk, plain, zbar).stripTrailing());
    }

    private static String cell(Tally tally) {
        return String.format("%4d/%-4d%4.0f%%%6.0f  ", tally.read(), tally.frames(),
                100.0 * tally.read() / tally.frames(), tally.framesPerSecond());
    }

    private static String emptyCell(Tally tally) {
        return String.format("%4d/%-4d     %6.0f  ", tally.read(), tally.frames(), tally.framesPerSecond());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.POSITIVE_INFINITY : (double) a / b;
    }
}
