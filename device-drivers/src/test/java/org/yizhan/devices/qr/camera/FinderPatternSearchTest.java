package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.detector.Detector;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinderPatternSearchTest {

    private static final BitMatrix CODE = CodeImages.modules(HardFrames.token(new java.util.Random(8)));

    /** Whether a candidate lies within two pixels of the finder pattern centred on module (mx, my). */
    private static boolean found(List<FinderPatternSearch.Candidate> candidates, double mx, double my, int across,
            int down) {
        double x = (mx + CodeImages.MARGIN) * across;
        double y = (my + CodeImages.MARGIN) * down;
        return candidates.stream().anyMatch(c -> Math.abs(c.x() - x) <= 2 && Math.abs(c.y() - y) <= 2);
    }

    private static void assertThreeFinderPatterns(List<FinderPatternSearch.Candidate> candidates, int across,
            int down) {
        // Finder patterns are 7 modules square in three corners: their centres are 3.5 modules in.
        double near = 3.5;
        double far = CODE.getWidth() - 3.5;
        assertTrue(found(candidates, near, near, across, down), "top left missing: " + candidates);
        assertTrue(found(candidates, far, near, across, down), "top right missing: " + candidates);
        assertTrue(found(candidates, near, far, across, down), "bottom left missing: " + candidates);
    }

    @Test
    void finds_the_three_finder_patterns_of_a_code_seen_square_on() {
        // given a code with four-pixel modules
        BitMatrix image = CodeImages.bits(CODE, 4, 4);

        // when it is searched
        List<FinderPatternSearch.Candidate> candidates = FinderPatternSearch.search(image);

        // then the three finder patterns are among the candidates, with the module size they were drawn with
        assertThreeFinderPatterns(candidates, 4, 4);
        FinderPatternSearch.Candidate topLeft = at(candidates, 30, 30);
        assertEquals(4, topLeft.moduleX(), 0.5, topLeft.toString());
        assertEquals(4, topLeft.moduleY(), 0.5, topLeft.toString());
    }

    @Test
    void finds_them_in_a_code_foreshortened_to_less_than_half_its_height() {
        // given a code squeezed as a phone turned far from the camera shows it: modules 5 wide, 2 high
        BitMatrix image = CodeImages.bits(CODE, 5, 2);
        assertThrows(ReaderException.class, () -> new Detector(image).detect(), "ZXing's detector should fail");

        // when it is searched
        List<FinderPatternSearch.Candidate> candidates = FinderPatternSearch.search(image);

        // then the three finder patterns are there, and the anisotropy is measured
        assertThreeFinderPatterns(candidates, 5, 2);
        FinderPatternSearch.Candidate topLeft = at(candidates, 37.5, 15);
        assertEquals(5, topLeft.moduleX(), 0.5, topLeft.toString());
        assertEquals(2, topLeft.moduleY(), 0.5, topLeft.toString());
    }

    private static FinderPatternSearch.Candidate at(List<FinderPatternSearch.Candidate> candidates, double x,
            double y) {
        return candidates.stream().filter(c -> c.x() == x && c.y() == y).findFirst().orElseThrow();
    }

    @Test
    void finds_nothing_in_a_blank_image() {
        assertEquals(List.of(), FinderPatternSearch.search(new BitMatrix(320, 240)));
    }
}
