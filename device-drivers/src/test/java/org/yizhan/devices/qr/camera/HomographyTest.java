package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomographyTest {

    /** A perspective map chosen by hand: a plane seen at an angle, shifted and scaled. */
    private static double[] truth(double u, double v) {
        double w = 0.002 * u - 0.001 * v + 1;
        return new double[] {(3.1 * u + 0.4 * v + 100) / w, (-0.3 * u + 2.7 * v + 50) / w};
    }

    private static Homography.Match seen(double u, double v) {
        double[] p = truth(u, v);
        return new Homography.Match(u, v, p[0], p[1]);
    }

    @Test
    void four_points_fix_a_perspective_map_everywhere() {
        Homography fit = Homography.fit(List.of(seen(3.5, 3.5), seen(61.5, 3.5), seen(3.5, 61.5), seen(58.5, 58.5)));

        double[] mapped = fit.map(30, 40);
        double[] expected = truth(30, 40);
        assertEquals(expected[0], mapped[0], 1e-6);
        assertEquals(expected[1], mapped[1], 1e-6);
    }

    @Test
    void more_points_fit_in_the_least_squares_sense() {
        List<Homography.Match> matches = new ArrayList<>();
        double[][] points = {{3.5, 3.5}, {61.5, 3.5}, {3.5, 61.5}, {32.5, 32.5}, {58.5, 58.5}, {6.5, 32.5}};
        for (double[] at : points) {
            matches.add(seen(at[0], at[1]));
        }

        double[] mapped = Homography.fit(matches).map(10, 50);
        double[] expected = truth(10, 50);
        assertEquals(expected[0], mapped[0], 1e-6);
        assertEquals(expected[1], mapped[1], 1e-6);
    }

    @Test
    void three_points_give_the_affine_map_through_them() {
        Homography fit = Homography.fit(List.of(new Homography.Match(0, 0, 10, 20), new Homography.Match(10, 0, 40, 20),
                new Homography.Match(0, 10, 10, 60)));

        double[] mapped = fit.map(10, 10);
        assertEquals(40, mapped[0], 1e-9);
        assertEquals(60, mapped[1], 1e-9);
        assertEquals(3.5, fit.moduleSizeAt(5, 5), 1e-9);
    }

    @Test
    void points_in_a_line_determine_nothing() {
        assertNull(Homography.fit(List.of(new Homography.Match(0, 0, 0, 0), new Homography.Match(1, 1, 2, 2),
                new Homography.Match(2, 2, 4, 4))));
        assertNull(Homography.fit(List.of(new Homography.Match(0, 0, 0, 0))));
    }
}
