package org.yizhan.devices.qr.camera;

import java.util.List;

/**
 * A plane-to-image projective map, {@code (u, v) → ((h0·u + h1·v + h2) / w, (h3·u + h4·v + h5) / w)} with
 * {@code w = h6·u + h7·v + 1}, fitted to point correspondences: exactly through three (then affine) or
 * four, in the least-squares sense through more. Immutable.
 */
final class Homography {

    /** One correspondence: a point of the code in module units and where it was seen in the image. */
    record Match(double u, double v, double x, double y) {
    }

    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    /** The map through {@code matches}; null when they do not determine one (fewer than 3, or degenerate). */
    static Homography fit(List<Match> matches) {
        if (matches.size() < 3) {
            return null;
        }
        return matches.size() == 3 ? affine(matches) : projective(matches);
    }

    double[] map(double u, double v) {
        double w = h[6] * u + h[7] * v + 1;
        return new double[] {(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w};
    }

    /** The size in pixels of one module at {@code (u, v)}: the mean of its two sides. */
    double moduleSizeAt(double u, double v) {
        double[] left = map(u - 0.5, v);
        double[] right = map(u + 0.5, v);
        double[] up = map(u, v - 0.5);
        double[] down = map(u, v + 0.5);
        return (Math.hypot(right[0] - left[0], right[1] - left[1]) + Math.hypot(down[0] - up[0], down[1] - up[1])) / 2;
    }

    private static Homography affine(List<Match> m) {
        // x = a·u + b·v + c and y = d·u + e·v + f through three points: two 3×3 systems with one matrix.
        double[][] a = new double[3][];
        for (int i = 0; i < 3; i++) {
            a[i] = new double[] {m.get(i).u(), m.get(i).v(), 1};
        }
        double[] xs = solve3(a, new double[] {m.get(0).x(), m.get(1).x(), m.get(2).x()});
        double[] ys = solve3(a, new double[] {m.get(0).y(), m.get(1).y(), m.get(2).y()});
        if (xs == null || ys == null) {
            return null;
        }
        return new Homography(new double[] {xs[0], xs[1], xs[2], ys[0], ys[1], ys[2], 0, 0});
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        if (Math.abs(det) < 1e-9) {
            return null;
        }
        double[] x = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] replaced = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int row = 0; row < 3; row++) {
                replaced[row][col] = b[row];
            }
            x[col] = (replaced[0][0] * (replaced[1][1] * replaced[2][2] - replaced[1][2] * replaced[2][1])
                    - replaced[0][1] * (replaced[1][0] * replaced[2][2] - replaced[1][2] * replaced[2][0])
                    + replaced[0][2] * (replaced[1][0] * replaced[2][1] - replaced[1][1] * replaced[2][0])) / det;
        }
        return x;
    }

    private static Homography projective(List<Match> matches) {
        // Direct linear transform with h8 = 1, solved through the normal equations. Module coordinates and
        // pixel coordinates are both below a few thousand, well within double precision.
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (Match m : matches) {
            double[] rowX = {m.u(), m.v(), 1, 0, 0, 0, -m.u() * m.x(), -m.v() * m.x()};
            double[] rowY = {0, 0, 0, m.u(), m.v(), 1, -m.u() * m.y(), -m.v() * m.y()};
            accumulate(ata, atb, rowX, m.x());
            accumulate(ata, atb, rowY, m.y());
        }
        double[] solution = solve(ata, atb);
        return solution == null ? null : new Homography(solution);
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double value) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                ata[i][j] += row[i] * row[j];
            }
            atb[i] += row[i] * value;
        }
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swapRow = a[col];
            a[col] = a[pivot];
            a[pivot] = swapRow;
            double swap = b[col];
            b[col] = b[pivot];
            b[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
