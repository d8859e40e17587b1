package org.yizhan.devices.qr.camera;

import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the centres of QR finder patterns (the three nested squares) in a binarized frame, tolerating
 * what a tilted phone does to them: ZXing's finder requires a pattern's height to be within 40% of its
 * width, which a screen turned 35° or more away from the camera breaks; here each axis may be up to three
 * times the other, and small modules get a pixel of slack.
 *
 * <p>Every row is scanned for dark-light-dark-light-dark runs in the ratio 1:1:3:1:1; each hit is checked
 * across (the same ratio down its column), re-centred along its row and checked along the diagonal; hits
 * within two modules of each
 * other are one candidate, whose {@code count} says how many rows confirmed it. Pure function of the image.
 */
final class FinderPatternSearch {

    /** A finder pattern centre, with the module size seen along each axis. */
    record Candidate(double x, double y, double moduleX, double moduleY, int count) {

        double moduleSize() {
            return (moduleX + moduleY) / 2;
        }
    }

    private static final double MAX_ANISOTROPY = 3;
    private static final int CELL = 32;
    private static final int CELLS_PER_ROW = 1 << 16;

    private final BitMatrix image;
    private final List<double[]> found = new ArrayList<>();
    // Candidates by 32-pixel cell, so that merging a hit looks at its neighbours only: a noisy frame
    // yields hundreds of hits.
    private final Map<Integer, List<double[]>> cells = new HashMap<>();

    private FinderPatternSearch(BitMatrix image) {
        this.image = image;
    }

    /** The candidates in {@code image}, most confirmed first. */
    static List<Candidate> search(BitMatrix image) {
        FinderPatternSearch search = new FinderPatternSearch(image);
        search.scanRows();
        List<Candidate> candidates = new ArrayList<>();
        for (double[] f : search.found) {
            int count = (int) f[4];
            candidates.add(new Candidate(f[0] / count, f[1] / count, f[2] / count, f[3] / count, count));
        }
        candidates.sort(Comparator.comparingInt(Candidate::count).reversed());
        return candidates;
    }

    private void scanRows() {
        int width = image.getWidth();
        int[] runs = new int[width + 1];
        int[] starts = new int[width + 1];
        BitArray row = new BitArray(width);
        for (int y = 0; y < image.getHeight(); y++) {
            row = image.getRow(y, row);
            int n = 0;
            int x = 0;
            boolean dark = row.get(0);
            int firstDark = dark ? 0 : 1;
            while (x < width) {
                int next = dark ? row.getNextUnset(x) : row.getNextSet(x);
                starts[n] = x;
                runs[n++] = next - x;
                x = next;
                dark = !dark;
            }
            for (int i = firstDark; i + 4 < n; i += 2) {
                if (ratioFits(runs[i], runs[i + 1], runs[i + 2], runs[i + 3], runs[i + 4])) {
                    int total = runs[i] + runs[i + 1] + runs[i + 2] + runs[i + 3] + runs[i + 4];
                    confirm(starts[i + 2] + runs[i + 2] / 2.0, y, total);
                }
            }
        }
    }

    private static boolean ratioFits(double c0, double c1, double c2, double c3, double c4) {
        double total = c0 + c1 + c2 + c3 + c4;
        if (total < 7) {
            return false;
        }
        double unit = total / 7;
        // Half a module of tolerance, as ZXing allows, plus most of a pixel: at 1.5 pixels per module a run
        // of 1 or 2 pixels is as right as the sensor can be.
        double single = unit * 0.5 + 0.75;
        return Math.abs(c0 - unit) < single && Math.abs(c1 - unit) < single && Math.abs(c3 - unit) < single
                && Math.abs(c4 - unit) < single && Math.abs(c2 - 3 * unit) < unit * 1.5 + 0.75;
    }

    private void confirm(double rowCentre, int y, int rowTotal) {
        int maxRun = (int) Math.ceil(rowTotal * MAX_ANISOTROPY);
        double[] down = crossCheck((int) rowCentre, y, 0, 1, maxRun);
        if (down == null || down[1] > rowTotal * MAX_ANISOTROPY || down[1] * MAX_ANISOTROPY < rowTotal) {
            return;
        }
        int centreY = (int) Math.min(image.getHeight() - 1, down[0]);
        double[] across = crossCheck((int) rowCentre, centreY, 1, 0, maxRun);
        if (across == null) {
            return;
        }
        // Any line through the centre of the nested squares, seen in perspective or not, crosses them
        // 1:1:3:1:1; the diagonal rules out most of what sensor noise and print make of the first two checks.
        if (crossCheck((int) Math.min(image.getWidth() - 1, across[0]), centreY, 1, 1, maxRun) == null) {
            return;
        }
        add(across[0], down[0], across[1] / 7, down[1] / 7);
    }

    /**
     * Walks from {@code (x, y)}, which must be dark, both ways along the axis: the centre run, then light,
     * then dark on each side. Returns {centre along the axis, total length} when the five runs fit 1:1:3:1:1.
     */
    private double[] crossCheck(int x, int y, int dx, int dy, int maxRun) {
        if (!image.get(x, y)) {
            return null;
        }
        int[] back = walk(x, y, -dx, -dy, maxRun);
        int[] ahead = walk(x, y, dx, dy, maxRun);
        if (back == null || ahead == null) {
            return null;
        }
        int centre = back[0] + ahead[0] - 1;
        if (!ratioFits(back[2], back[1], centre, ahead[1], ahead[2])) {
            return null;
        }
        int total = back[2] + back[1] + centre + ahead[1] + ahead[2];
        int position = dx == 0 ? y : x;
        if (dx != 0 && dy != 0) {
            return new double[] {position, total};
        }
        double centreEnd = position + ahead[0];
        return new double[] {centreEnd - centre / 2.0, total};
    }

    /** The lengths of the dark run through the start, the light run after it and the dark run after that. */
    private int[] walk(int x, int y, int dx, int dy, int maxRun) {
        int[] counts = new int[3];
        int cx = x;
        int cy = y;
        for (int run = 0; run < 3; run++) {
            boolean dark = run != 1;
            while (cx >= 0 && cy >= 0 && cx < image.getWidth() && cy < image.getHeight()
                    && image.get(cx, cy) == dark) {
                counts[run]++;
                if (counts[run] > maxRun) {
                    return null;
                }
                cx += dx;
                cy += dy;
            }
            if (counts[run] == 0) {
                return null;
            }
        }
        return counts;
    }

    private void add(double x, double y, double moduleX, double moduleY) {
        int cellX = (int) x / CELL;
        int cellY = (int) y / CELL;
        for (int cy = cellY - 1; cy <= cellY + 1; cy++) {
            for (int cx = cellX - 1; cx <= cellX + 1; cx++) {
                List<double[]> cell = cells.get(cy * CELLS_PER_ROW + cx);
                if (cell == null) {
                    continue;
                }
                for (double[] f : cell) {
                    int count = (int) f[4];
                    double module = Math.max(f[2] / count, f[3] / count);
                    if (Math.abs(f[0] / count - x) <= 2 * module && Math.abs(f[1] / count - y) <= 2 * module) {
                        f[0] += x;
                        f[1] += y;
                        f[2] += moduleX;
                        f[3] += moduleY;
                        f[4]++;
                        return;
                    }
                }
            }
        }
        double[] created = {x, y, moduleX, moduleY, 1};
        found.add(created);
        cells.computeIfAbsent(cellY * CELLS_PER_ROW + cellX, key -> new ArrayList<>()).add(created);
    }
}
