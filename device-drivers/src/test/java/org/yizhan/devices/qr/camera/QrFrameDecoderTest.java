package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrFrameDecoderTest {

    // Long enough never to cut an attempt short, so that what is decoded does not depend on the machine.
    private static final Duration UNHURRIED = Duration.ofSeconds(30);

    private final HardFrames frames = new HardFrames(20261123);
    private final QrFrameDecoder decoder = new QrFrameDecoder(UNHURRIED);

    @Test
    void reads_a_clean_frame_at_the_first_attempt() {
        // given a phone held square to the camera
        HardFrames.HardFrame frame = frames.frame(HardFrames.Category.CLEAN, 0);

        // when it is decoded
        Optional<QrFrameDecoder.Decoded> decoded = decoder.decode(frame.luminance(), frame.width(), frame.height());

        // then the pass is read by the cheap first attempt
        assertEquals(Optional.of(new QrFrameDecoder.Decoded(frame.token(), QrFrameDecoder.Attempt.NOISE_AWARE)),
                decoded);
    }

    @Test
    void reads_a_dark_mode_screen_that_plain_zxing_cannot() {
        // given a dark-mode phone screen: light modules on black
        HardFrames.HardFrame frame = frames.frame(HardFrames.Category.INVERTED, 0);
        assertNull(PlainZxing.decode(frame), "plain ZXing was expected to fail on an inverted code");

        // when it is decoded
        Optional<QrFrameDecoder.Decoded> decoded = decoder.decode(frame.luminance(), frame.width(), frame.height());

        // then one of the inverted attempts reads it
        assertEquals(frame.token(), decoded.orElseThrow().text());
        assertTrue(EnumSet.of(QrFrameDecoder.Attempt.INVERTED_GLOBAL_HISTOGRAM, QrFrameDecoder.Attempt.INVERTED)
                .contains(decoded.get().attempt()), decoded.get().toString());
    }

    private static final int PER_CATEGORY = 8;
    private static final Map<HardFrames.Category, List<HardFrames.HardFrame>> HARD = new ConcurrentHashMap<>();

    /** The same eight frames of each category for every test here: rendering them takes a while. */
    private static List<HardFrames.HardFrame> hard(HardFrames.Category category) {
        return HARD.computeIfAbsent(category, c -> new HardFrames(20261123).generate(PER_CATEGORY, EnumSet.of(c)));
    }

    private long readByKiosk(List<HardFrames.HardFrame> frames) {
        return frames.stream().filter(f -> f.token().equals(decoder.decode(f.luminance(), f.width(), f.height())
                .map(QrFrameDecoder.Decoded::text).orElse(null))).count();
    }

    private static long readByPlainZxing(List<HardFrames.HardFrame> frames) {
        return frames.stream().filter(f -> f.token().equals(PlainZxing.decode(f))).count();
    }

    @ParameterizedTest
    @EnumSource(value = HardFrames.Category.class, names = "EMPTY", mode = EnumSource.Mode.EXCLUDE)
    void reads_frames_of_every_hard_category_and_never_fewer_than_plain_zxing(HardFrames.Category category) {
        // given eight frames of the category
        List<HardFrames.HardFrame> frames = hard(category);

        // when both decoders try them
        long kiosk = readByKiosk(frames);
        long plain = readByPlainZxing(frames);

        // then the kiosk's reads some of every kind, and never fewer than plain ZXing
        assertTrue(kiosk >= 3, category + ": kiosk read " + kiosk + " of " + PER_CATEGORY);
        assertTrue(kiosk >= plain, category + ": kiosk read " + kiosk + ", plain ZXing " + plain);
    }

    @Test
    void reads_most_hard_frames_and_twice_as_many_as_plain_zxing() {
        // given eight frames of every hard category
        List<HardFrames.HardFrame> frames = EnumSet.complementOf(EnumSet.of(HardFrames.Category.EMPTY)).stream()
                .flatMap(c -> hard(c).stream()).toList();

        // when both decoders try them
        long kiosk = readByKiosk(frames);
        long plain = readByPlainZxing(frames);

        // then the kiosk's reads 85% or more, and at least twice what plain ZXing reads
        assertTrue(kiosk >= frames.size() * 0.85, "kiosk read " + kiosk + " of " + frames.size());
        assertTrue(kiosk >= 2 * plain, "kiosk read " + kiosk + ", plain ZXing " + plain);
    }

    @Test
    void finds_nothing_in_an_empty_room() {
        // given frames of a room without a code
        for (HardFrames.HardFrame frame : frames.generate(5, EnumSet.of(HardFrames.Category.EMPTY))) {
            // when each is decoded, then nothing is found
            assertEquals(Optional.empty(), decoder.decode(frame.luminance(), frame.width(), frame.height()),
                    frame.name());
        }
    }

    @Test
    void spares_an_empty_room_the_costliest_attempts() {
        // given a frame of an empty room, and a blurred one that only sharpening reads
        HardFrames.HardFrame room = frames.frame(HardFrames.Category.EMPTY, 2);
        HardFrames.HardFrame blurred = firstReadBy(QrFrameDecoder.Attempt.SHARPENED, HardFrames.Category.MOTION_BLUR);

        // when both are decoded
        decoder.decode(room.luminance(), room.width(), room.height());
        int triedOnRoom = decoder.attemptsTried();
        decoder.decode(blurred.luminance(), blurred.width(), blurred.height());
        int triedOnBlurred = decoder.attemptsTried();

        // then the room stopped before sharpening, having shown no finder patterns, and the blurred one did not
        assertEquals(QrFrameDecoder.Attempt.SHARPENED.ordinal(), triedOnRoom);
        assertEquals(QrFrameDecoder.Attempt.SHARPENED.ordinal() + 1, triedOnBlurred);
    }

    private HardFrames.HardFrame firstReadBy(QrFrameDecoder.Attempt attempt, HardFrames.Category category) {
        for (int i = 0; i < 40; i++) {
            HardFrames.HardFrame frame = frames.frame(category, i);
            Optional<QrFrameDecoder.Decoded> decoded = decoder.decode(frame.luminance(), frame.width(), frame.height());
            if (decoded.isPresent() && decoded.get().attempt() == attempt) {
                return frame;
            }
        }
        throw new AssertionError("no " + category + " frame among 40 is read by " + attempt);
    }

    @Test
    void reads_the_luminance_of_a_yuv420_frame_in_place() {
        // given a whole YUV420 frame: the Y plane followed by chroma planes of noise
        HardFrames.HardFrame frame = frames.frame(HardFrames.Category.CLEAN, 1);
        byte[] yuv = new byte[FrameFormat.YUV420.frameBytes(frame.width(), frame.height())];
        System.arraycopy(frame.luminance(), 0, yuv, 0, frame.width() * frame.height());
        for (int i = frame.width() * frame.height(); i < yuv.length; i++) {
            yuv[i] = (byte) (i * 31);
        }

        // when the buffer is decoded as it came from the camera
        Optional<QrFrameDecoder.Decoded> decoded = decoder.decode(yuv, frame.width(), frame.height());

        // then the chroma planes are ignored
        assertEquals(frame.token(), decoded.orElseThrow().text());
    }

    @Test
    void starts_no_attempt_once_the_budget_is_spent() {
        // given an inverted frame, which only a later attempt reads, and a clock on which each look at the
        // time finds ten milliseconds gone
        HardFrames.HardFrame frame = frames.frame(HardFrames.Category.INVERTED, 1);
        AtomicLong now = new AtomicLong();
        QrFrameDecoder hurried = new QrFrameDecoder(Duration.ofMillis(15), () -> now.getAndAdd(10_000_000));
        QrFrameDecoder patient = new QrFrameDecoder(Duration.ofMillis(15), () -> 0L);

        // when both decode it
        Optional<QrFrameDecoder.Decoded> cut = hurried.decode(frame.luminance(), frame.width(), frame.height());
        Optional<QrFrameDecoder.Decoded> full = patient.decode(frame.luminance(), frame.width(), frame.height());

        // then the one out of time gave up before reaching the inverted attempts
        assertEquals(Optional.empty(), cut);
        assertEquals(frame.token(), full.orElseThrow().text());
    }

    @Test
    void refuses_a_buffer_smaller_than_the_frame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(new byte[100], 640, 480));

        assertTrue(e.getMessage().contains("307200"), e.getMessage());
    }
}
