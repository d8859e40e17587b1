package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassQrCodeTest {

    @TempDir
    Path dir;

    @Test
    void writes_a_png_that_scans_back_to_the_pass() throws Exception {
        // given
        String pass = new PassIssuer(PassSigningKey.generate(), Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"),
                ZoneOffset.UTC)).issue("v-0123456789abcdef", VisitorCategory.COURIER, "sz-nanshan-01", Duration.ofDays(30));
        Path png = dir.resolve("pass.png");

        // when
        PassQrCode.writePng(pass, png, 400);

        // then
        assertEquals(pass, QrImages.decode(png));
        assertTrue(ImageIO.read(png.toFile()).getWidth() >= 400);
    }

    @Test
    void every_pass_shaped_text_scans_back_even_where_the_preferred_mask_defeats_a_camera_decoder()
            throws Exception {
        // given: pass-sized texts of pass characters; with the encoder's default mask ZXing's detector
        // misses a few of these (about one in fifty)
        Random random = new Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = 250 + random.nextInt(20);
            for (int j = 0; j < length; j++) {
                text.append(j % 80 == 79 ? '.' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Path png = dir.resolve("pass-" + i + ".png");

            // when
            PassQrCode.writePng(text.toString(), png, 400);

            // then
            assertEquals(text.toString(), QrImages.decode(png), "code " + i);
        }
    }

    @Test
    void refuses_a_size_of_zero() {
        assertThrows(IllegalArgumentException.class, () -> PassQrCode.writePng("x", dir.resolve("x.png"), 0));
    }
}
