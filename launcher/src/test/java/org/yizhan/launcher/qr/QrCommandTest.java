package org.yizhan.launcher.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.qr.camera.HardFrames;
import picocli.CommandLine;

class QrCommandTest {

    private static final String PASS = HardFrames.token(new java.util.Random(21));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new QrCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    private Path writeImage(String name, byte[] luminance, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, luminance);
        Path file = dir.resolve(name);
        ImageIO.write(image, name.endsWith(".jpg") ? "jpeg" : "png", file.toFile());
        return file;
    }

    @Test
    void a_code_encoded_decodes_back_to_its_text() {
        // given a pass written as a PNG
        Path png = dir.resolve("pass.png");
        assertEquals(0, run("encode", PASS, "--out", png.toString(), "--size", "300"), err.toString());

        // when it is decoded
        int status = run("decode", png.toString());

        // then the line is the file, a tab, and the pass
        assertEquals(0, status, err.toString());
        assertEquals(List.of(png + "\t" + PASS), outLines());
        assertEquals("", err.toString());
    }

    @Test
    void an_image_without_a_code_gives_a_dash() throws Exception {
        // given a camera frame of an empty room
        HardFrames.HardFrame room = new HardFrames(3).frame(HardFrames.Category.EMPTY, 0);
        Path png = writeImage("room.png", room.luminance(), room.width(), room.height());

        // when it is decoded, then there is a dash and no complaint
        assertEquals(0, run("decode", png.toString()));
        assertEquals(List.of(png + "\t-"), outLines());
        assertEquals("", err.toString());
    }

    @Test
    void unreadable_files_get_a_dash_a_reason_each_and_exit_1_after_the_rest() throws Exception {
        // given a readable pass between a missing file and a file that is no image
        Path missing = dir.resolve("missing.png");
        Path good = dir.resolve("good.png");
        run("encode", PASS, "--out", good.toString());
        Path notImage = Files.writeString(dir.resolve("notes.png"), "this is not a PNG");

        // when all three are decoded
        int status = run("decode", missing.toString(), good.toString(), notImage.toString());

        // then every file has its line, in order, each failure one line on stderr, and the status is 1
        assertEquals(1, status);
        assertEquals(List.of(missing + "\t-", good + "\t" + PASS, notImage + "\t-"), outLines());
        List<String> complaints = err.toString().lines().toList();
        assertEquals(2, complaints.size(), err.toString());
        assertTrue(complaints.get(0).startsWith("qr decode: " + missing + ": no such file"), complaints.get(0));
        assertTrue(complaints.get(1).startsWith("qr decode: " + notImage + ": not an image"), complaints.get(1));
    }

    @Test
    void reads_a_twelve_megapixel_photo_of_a_dark_mode_screen() throws Exception {
        // given a 4000×3000 JPEG of a phone in dark mode, as a support engineer's phone takes it
        HardFrames.HardFrame frame = new HardFrames(4).frame(HardFrames.Category.INVERTED, 0);
        byte[] big = Resampling.bilinear(frame.luminance(), frame.width(), frame.height(), 4000, 3000);
        Path photo = writeImage("photo.jpg", big, 4000, 3000);

        // when it is decoded
        int status = run("decode", photo.toString());

        // then the pass is read
        assertEquals(0, status, err.toString());
        assertEquals(List.of(photo + "\t" + frame.token()), outLines());
    }

    @Test
    void control_characters_in_a_code_stay_on_one_line() {
        assertEquals("A\\nB\\tC\\u001b", QrDecodeCommand.oneLine("A\nB\tC\u001b"));
    }

    @Test
    void encoding_nothing_is_one_line_and_fails() {
        assertEquals(1, run("encode", "", "--out", dir.resolve("x.png").toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("qr encode: "), err.toString());
    }

    @Test
    void tries_a_photo_at_sizes_the_decoder_suits() {
        assertEquals(List.of(1600, 1000, 640), ImageQrReader.sizesToTry(4000));
        assertEquals(List.of(640), ImageQrReader.sizesToTry(640));
        assertEquals(List.of(1200, 640), ImageQrReader.sizesToTry(1200));
        assertEquals(List.of(400, 800), ImageQrReader.sizesToTry(400));
    }

    @Test
    void a_subcommand_is_needed() {
        assertEquals(2, run());

        assertTrue(err.toString().contains("a subcommand is needed"), err.toString());
    }
}
