package org.yizhan.launcher.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.camera.HardFrames;
import picocli.CommandLine;

class QrDecodeBenchmarkTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new QrCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void prints_a_row_per_category_a_total_the_empty_frames_and_the_ratio() {
        // when the benchmark runs on one frame per category, without zbarimg
        int status = run("bench", "--frames", "1", "--seed", "7", "--zbarimg", "none");

        // then the table has its header, every category, the totals and the ratios
        assertEquals(0, status, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("category") && l.contains("kiosk") && l.contains("plain")
                && l.contains("zbarimg")), out.toString());
        for (HardFrames.Category category : HardFrames.Category.values()) {
            if (category != HardFrames.Category.EMPTY) {
                assertTrue(lines.stream().anyMatch(l -> l.matches(category.label() + " +\\d+/1 .*")),
                        category.label() + " row missing:\n" + out);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("all with a code +\\d+/10 .*")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("empty \\(misread\\) +0/1 .*")), out.toString());
        assertTrue(out.toString().contains("kiosk/plain: "), out.toString());
        assertTrue(out.toString().contains("zbarimg not installed"), out.toString());
    }

    @Test
    void compares_with_zbarimg_when_it_is_installed() {
        Assumptions.assumeTrue(ZbarImg.find("zbarimg").isPresent(), "zbarimg is not installed here");

        assertEquals(0, run("bench", "--frames", "1", "--seed", "8"), err.toString());

        assertTrue(out.toString().contains("kiosk/zbarimg: "), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("clean +\\d+/1 .* \\d+/1 .* \\d+/1 .*")),
                out.toString());
    }

    @Test
    void maps_zbarimg_results_to_their_files_whatever_files_held_no_code() throws Exception {
        // given zbarimg's XML for three files of which the middle one held no code
        String xml = """
                <barcodes xmlns='http://zbar.sourceforge.net/2008/barcode'>
                <source href='/tmp/a.png'>
                <index num='0'>
                <symbol type='QR-Code' quality='1' orientation='UP'><data><![CDATA[FIRST]]></data></symbol>
                </index>
                </source>
                <source href='/tmp/b.png'>
                </source>
                <source href='/tmp/c.png'>
                <index num='0'>
                <symbol type='QR-Code' quality='1' orientation='UP'><data><![CDATA[THIRD]]></data></symbol>
                </index>
                </source>
                </barcodes>
                """;

        // when it is parsed
        Map<Path, String> texts = ZbarImg.parse(xml.getBytes(StandardCharsets.UTF_8));

        // then each text belongs to its own file
        assertEquals(Map.of(Path.of("/tmp/a.png"), "FIRST", Path.of("/tmp/c.png"), "THIRD"), texts);
    }

    @Test
    void a_missing_zbarimg_is_not_found() {
        assertEquals(Optional.empty(), ZbarImg.find("/nonexistent/zbarimg"));
        assertEquals(Optional.empty(), ZbarImg.find("no-such-zbarimg-here"));
    }

    @Test
    void refuses_zero_frames() {
        assertEquals(1, run("bench", "--frames", "0", "--zbarimg", "none"));

        assertTrue(err.toString().contains("--frames must be at least 1"), err.toString());
    }
}
