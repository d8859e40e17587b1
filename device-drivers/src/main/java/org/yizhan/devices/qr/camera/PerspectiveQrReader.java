package org.yizhan.devices.qr.camera;

import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a QR code from a binarized frame where ZXing's own detector gives up: a phone tilted well away
 * from the camera, or a code whose size ZXing misjudges by a version.
 *
 * <p>Finder patterns come from {@link FinderPatternSearch}; the likeliest triples (a right angle, as seen
 * in perspective) are tried in turn. For each, the code's size is estimated from the distances between
 * the patterns and the module size measured along them, and the nearest three valid sizes are tried:
 * ZXing tries only one and gives up on a size between two valid ones. The grid is fitted progressively:
 * from the three finder patterns (an affine guess), each alignment pattern, nearest first, is looked for
 * where the current fit predicts it and, when found, refines the fit to a full perspective map. The
 * sampled grid goes to ZXing's decoder, whose error correction has the last word.
 *
 * <p>Not thread-safe: holds a ZXing {@link Decoder} and what the last read saw; one instance per decoding
 * thread.
 */
final class PerspectiveQrReader {

    private static final int MAX_TRIPLES = 3;
    private static final int MAX_CANDIDATES = 10;
    private static final int MAX_ALIGNMENT_PATTERNS = 6;

    private static final int CONFIRMED = 3;

    private final Decoder decoder = new Decoder();
    private boolean sawFinderPatterns;

    /** The decoded text, or null when no code could be read. */
    String read(BitMatrix image) {
        List<FinderPatternSearch.Candidate> candidates = FinderPatternSearch.search(image);
        sawFinderPatterns = !likelyTriples(candidates.stream().filter(c -> c.count() >= CONFIRMED).toList()).isEmpty();
        if (candidates.size() < 3) {
            return null;
        }
        Geometry geometry = new Geometry(image);
        for (ResultPoint[] triple : likelyTriples(candidates)) {
            String text = readTriple(geometry, image, triple);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /**
     * Whether the last {@link #read} found three finder patterns, each confirmed by three rows or more, in
     * the arrangement of a code: a sign that a code is there even when it could not be read. Sensor noise
     * and print make single finder-like hits; they rarely make three confirmed ones at right angles.
     */
    boolean sawFinderPatterns() {
        return sawFinderPatterns;
    }

    /** Up to three triples, ordered bottom-left, top-left, top-right, best-looking first. */
    static List<ResultPoint[]> likelyTriples(List<FinderPatternSearch.Candidate> all) {
        List<FinderPatternSearch.Candidate> candidates = all.subList(0, Math.min(MAX_CANDIDATES, all.size()));
        List<ResultPoint[]> triples = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                for (int k = j + 1; k < candidates.size(); k++) {
                    FinderPatternSearch.Candidate[] three = {candidates.get(i), candidates.get(j), candidates.get(k)};
                    double score = score(three);
                    if (Double.isNaN(score)) {
                        continue;
                    }
                    ResultPoint[] points = new ResultPoint[3];
                    for (int p = 0; p < 3; p++) {
                        points[p] = new ResultPoint((float) three[p].x(), (float) three[p].y());
                    }
                    ResultPoint.orderBestPatterns(points);
                    int at = 0;
                    while (at < scores.size() && scores.get(at) <= score) {
                        at++;
                    }
                    scores.add(at, score);
                    triples.add(at, points);
                }
            }
        }
        return triples.subList(0, Math.min(MAX_TRIPLES, triples.size()));
    }

    /**
     * How unlike the three finder patterns of one code these are (lower is likelier), or NaN when they
     * cannot be: module sizes too different, sides spanning too different numbers of modules, no angle near
     * a right one.
     */
    private static double score(FinderPatternSearch.Candidate[] three) {
        double minModule = Double.MAX_VALUE;
        double maxModule = 0;
        double moduleX = 0;
        double moduleY = 0;
        int confirmations = 0;
        for (FinderPatternSearch.Candidate c : three) {
            minModule = Math.min(minModule, c.moduleSize());
            maxModule = Math.max(maxModule, c.moduleSize());
            moduleX += c.moduleX() / 3;
            moduleY += c.moduleY() / 3;
            confirmations += Math.min(c.count(), 8);
        }
        if (maxModule > 2.5 * minModule) {
            return Double.NaN;
        }
        // The corner is the pattern with the angle nearest a right one.
        double bestCos = Double.MAX_VALUE;
        double countRatio = 0;
        for (int corner = 0; corner < 3; corner++) {
            FinderPatternSearch.Candidate c = three[corner];
            FinderPatternSearch.Candidate a = three[(corner + 1) % 3];
            FinderPatternSearch.Candidate b = three[(corner + 2) % 3];
            double ax = a.x() - c.x();
            double ay = a.y() - c.y();
            double bx = b.x() - c.x();
            double by = b.y() - c.y();
            double la = Math.hypot(ax, ay);
            double lb = Math.hypot(bx, by);
            double cos = Math.abs((ax * bx + ay * by) / (la * lb));
            if (cos < bestCos) {
                bestCos = cos;
                // Both sides span the same number of modules; a foreshortened code has shorter sides and
                // narrower modules in the same direction, so count modules rather than compare lengths.
                double modulesA = la / Math.hypot(moduleX * ax / la, moduleY * ay / la);
                double modulesB = lb / Math.hypot(moduleX * bx / lb, moduleY * by / lb);
                if (Math.min(modulesA, modulesB) < 10 || Math.max(modulesA, modulesB) > 180) {
                    return Double.NaN;
                }
                countRatio = Math.max(modulesA, modulesB) / Math.min(modulesA, modulesB);
            }
        }
        if (bestCos > 0.75 || countRatio > 1.6) {
            return Double.NaN;
        }
        return bestCos + Math.log(countRatio) + Math.log(maxModule / minModule) - 0.03 * confirmations;
    }

    private String readTriple(Geometry geometry, BitMatrix image, ResultPoint[] triple) {
        ResultPoint bottomLeft = triple[0];
        ResultPoint topLeft = triple[1];
        ResultPoint topRight = triple[2];
        float acrossModule = geometry.moduleSize(topLeft, topRight);
        float downModule = geometry.moduleSize(topLeft, bottomLeft);
        if (!(acrossModule >= 1) || !(downModule >= 1)) {
            return null;
        }
        double estimate = (ResultPoint.distance(topLeft, topRight) / acrossModule
                + ResultPoint.distance(topLeft, bottomLeft) / downModule) / 2 + 7;
        for (int dimension : nearestDimensions(estimate)) {
            Homography fit = fitGrid(geometry, dimension, bottomLeft, topLeft, topRight);
            if (fit == null) {
                continue;
            }
            try {
                BitMatrix bits = GridSampler.getInstance()
                        .sampleGrid(image, dimension, dimension, transform(fit, dimension));
                return decoder.decode(bits).getText();
            } catch (ReaderException e) {
                // A wrong size or a bad fit: the next size, or the next triple.
            }
        }
        return null;
    }

    /** The three valid sizes (21, 25, … 177 modules) nearest the estimate, nearest first. */
    static List<Integer> nearestDimensions(double estimate) {
        List<Integer> dimensions = new ArrayList<>();
        for (int d = 21; d <= 177; d += 4) {
            dimensions.add(d);
        }
        dimensions.sort(Comparator.comparingDouble(d -> Math.abs(d - estimate)));
        return dimensions.subList(0, 3);
    }

    private static Homography fitGrid(Geometry geometry, int dimension, ResultPoint bottomLeft, ResultPoint topLeft,
            ResultPoint topRight) {
        List<Homography.Match> matches = new ArrayList<>(List.of(
                new Homography.Match(3.5, 3.5, topLeft.getX(), topLeft.getY()),
                new Homography.Match(dimension - 3.5, 3.5, topRight.getX(), topRight.getY()),
                new Homography.Match(3.5, dimension - 3.5, bottomLeft.getX(), bottomLeft.getY())));
        Homography fit = Homography.fit(matches);
        if (fit == null) {
            return null;
        }
        List<double[]> centres = alignmentCentres(dimension);
        // The nearest few fix the perspective; more cost time on frames without a code and add little.
        for (double[] at : centres.subList(0, Math.min(MAX_ALIGNMENT_PATTERNS, centres.size()))) {
            double[] predicted = fit.map(at[0], at[1]);
            double module = fit.moduleSizeAt(at[0], at[1]);
            AlignmentPattern pattern = geometry.alignmentNear((float) module, predicted[0], predicted[1]);
            if (pattern != null) {
                matches.add(new Homography.Match(at[0], at[1], pattern.getX(), pattern.getY()));
                Homography refined = Homography.fit(matches);
                if (refined != null) {
                    fit = refined;
                } else {
                    matches.remove(matches.size() - 1);
                }
            }
        }
        return fit;
    }

    /** The centres of the version's alignment patterns in module units, nearest a finder pattern first. */
    private static List<double[]> alignmentCentres(int dimension) {
        int[] positions;
        try {
            positions = Version.getProvisionalVersionForDimension(dimension).getAlignmentPatternCenters();
        } catch (FormatException e) {
            return List.of();
        }
        List<double[]> centres = new ArrayList<>();
        int last = dimension - 7;
        for (int row : positions) {
            for (int col : positions) {
                boolean onFinder = (row == 6 && col == 6) || (row == 6 && col == last) || (row == last && col == 6);
                if (!onFinder) {
                    centres.add(new double[] {col + 0.5, row + 0.5});
                }
            }
        }
        double[][] finders = {{3.5, 3.5}, {dimension - 3.5, 3.5}, {3.5, dimension - 3.5}};
        centres.sort(Comparator.comparingDouble(c -> {
            double nearest = Double.MAX_VALUE;
            for (double[] f : finders) {
                nearest = Math.min(nearest, Math.hypot(c[0] - f[0], c[1] - f[1]));
            }
            return nearest;
        }));
        return centres;
    }

    private static PerspectiveTransform transform(Homography fit, int dimension) {
        double[] a = fit.map(0, 0);
        double[] b = fit.map(dimension, 0);
        double[] c = fit.map(dimension, dimension);
        double[] d = fit.map(0, dimension);
        return PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, dimension, 0, dimension, dimension, 0, dimension,
                (float) a[0], (float) a[1], (float) b[0], (float) b[1], (float) c[0], (float) c[1],
                (float) d[0], (float) d[1]);
    }

    /** ZXing's own measurements of finder and alignment patterns, reached through its detector's protected API. */
    private static final class Geometry extends Detector {

        Geometry(BitMatrix image) {
            super(image);
        }

        float moduleSize(ResultPoint from, ResultPoint to) {
            // calculateModuleSize(a, b, c) averages the a→b and a→c measurements; a→b twice is a→b alone.
            return calculateModuleSize(from, to, to);
        }

        AlignmentPattern alignmentNear(float moduleSize, double x, double y) {
            if (x < 0 || y < 0 || x >= getImage().getWidth() || y >= getImage().getHeight()) {
                return null;
            }
            try {
                return findAlignmentInRegion(moduleSize, (int) x, (int) y, 3);
            } catch (NotFoundException e) {
                return null;
            }
        }
    }
}
