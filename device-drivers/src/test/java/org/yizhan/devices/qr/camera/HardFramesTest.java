package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HardFramesTest {

    @Test
    void a_frame_depends_on_seed_category_and_index_only() {
        // given two generators with one seed, one asked for other frames first
        HardFrames first = new HardFrames(99);
        HardFrames second = new HardFrames(99);
        second.frame(HardFrames.Category.GLARE, 3);

        // when both render the same frame
        HardFrames.HardFrame a = first.frame(HardFrames.Category.TILT, 2);
        HardFrames.HardFrame b = second.frame(HardFrames.Category.TILT, 2);

        // then they are identical, token and pixels
        assertEquals(a.token(), b.token());
        assertArrayEquals(a.luminance(), b.luminance());
    }

    @Test
    void another_seed_gives_other_frames() {
        HardFrames.HardFrame a = new HardFrames(1).frame(HardFrames.Category.CLEAN, 0);
        HardFrames.HardFrame b = new HardFrames(2).frame(HardFrames.Category.CLEAN, 0);

        assertFalse(a.token().equals(b.token()));
        assertFalse(Arrays.equals(a.luminance(), b.luminance()));
    }

    @Test
    void every_token_looks_like_a_signed_pass() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            // given a generated token
            String token = HardFrames.token(random);

            // then it is a compact JWS of 250 to 300 characters with an EdDSA header and a 64-byte signature
            String[] parts = token.split("\\.");
            assertEquals(3, parts.length, token);
            assertTrue(token.length() >= 250 && token.length() <= 300, token.length() + ": " + token);
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            assertTrue(header.contains("\"alg\":\"EdDSA\"") && header.contains("\"kid\":"), header);
            assertTrue(claims.contains("\"sub\":\"v-") && claims.contains("\"exp\":"), claims);
            assertEquals(64, Base64.getUrlDecoder().decode(parts[2]).length);
        }
    }

    @Test
    void frames_have_the_camera_size_and_only_empty_ones_lack_a_token() {
        List<HardFrames.HardFrame> all = new HardFrames(4).generate(1);

        assertEquals(HardFrames.Category.values().length, all.size());
        for (HardFrames.HardFrame frame : all) {
            assertEquals(640 * 480, frame.luminance().length, frame.name());
            assertEquals(frame.category() != HardFrames.Category.EMPTY, frame.hasCode(), frame.name());
        }
        assertNull(all.get(all.size() - 1).token());
    }

    @Test
    void clean_frames_read_back_with_plain_zxing() {
        // The issuer's own check: a pass that does not read clean is not a hard frame, it is a broken one.
        long read = new HardFrames(5).generate(8, EnumSet.of(HardFrames.Category.CLEAN)).stream()
                .filter(f -> f.token().equals(PlainZxing.decode(f))).count();

        assertTrue(read >= 7, "plain ZXing read " + read + " of 8 clean frames");
    }

    @Test
    void a_frame_can_show_any_text_but_an_empty_one_none() {
        HardFrames frames = new HardFrames(6);

        HardFrames.HardFrame frame = frames.frameShowing(HardFrames.Category.BLUR, 0, "HELLO-YIZHAN");

        assertEquals("HELLO-YIZHAN", frame.token());
        assertThrows(IllegalArgumentException.class, () -> frames.frameShowing(HardFrames.Category.EMPTY, 0, "X"));
    }

    @Test
    void a_steady_frame_of_any_text_reads_back_with_plain_zxing() {
        HardFrames frames = new HardFrames(7);
        for (int i = 0; i < 10; i++) {
            String text = "PASS-" + "x".repeat(i * 30);

            assertEquals(text, PlainZxing.decode(frames.steadyFrame(text, i)), "steady frame " + i);
        }
    }
}
