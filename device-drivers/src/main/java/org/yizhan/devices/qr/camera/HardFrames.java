package org.yizhan.devices.qr.camera;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Renders 640×480 grayscale camera frames of a visitor's pass held up to the kiosk camera, in the ways a
 * real camera sees them badly: a dark-mode phone screen (inverted), glare on the screen, focus and motion
 * blur, a tilted phone, a dim screen (low contrast), a phone held far away (small code), sensor noise, and
 * combinations; and frames with nobody in front (a background scene, no code).
 *
 * <p>Each frame is a function of the seed, its category and its index alone, so a benchmark run is
 * reproducible and any single frame can be regenerated. Every coded frame carries its own fake pass: a
 * compact JWS of about 280 characters with the header and claims of a Yizhan pass and a random signature,
 * encoded as the pass issuer does (error correction M, a mask that reads back when clean).
 *
 * <p>The phone is a plane in front of a pinhole camera, rotated in 3D and projected, sampled 3×3 per pixel;
 * blur, glare, contrast and noise are applied to the whole frame afterwards, as optics and sensor would.
 * Uses java.awt only off-screen (works headless). Instances are immutable and thread-safe.
 */
public final class HardFrames {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    /** What makes a frame hard, or {@link #EMPTY} for a frame without a code. */
    public enum Category {
        CLEAN, INVERTED, GLARE, BLUR, MOTION_BLUR, TILT, LOW_CONTRAST, SMALL, NOISE, COMBINED, EMPTY;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One rendered frame.
     *
     * @param token     the text of the code in the frame; {@code null} for an {@link Category#EMPTY} frame
     * @param luminance {@code width × height} bytes, row by row, 0 black to 255 white
     */
    public record HardFrame(Category category, int index, String token, byte[] luminance, int width, int height) {

        public HardFrame {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(luminance, "luminance");
            if (luminance.length < width * height) {
                throw new IllegalArgumentException("luminance has " + luminance.length + " bytes, not "
                        + width * height);
            }
        }

        public boolean hasCode() {
            return token != null;
        }

        public String name() {
            return category.label() + "-" + index;
        }
    }

    private static final int SUPERSAMPLING = 3;
    private static final double FOCAL_PX = 620;
    private static final String[] CATEGORIES_OF_VISITORS = {"resident", "rider", "courier", "visitor", "staff"};
    private static final String[] SITES = {"sh-xuhui-tp01", "sh-jingan-cjd02", "sh-putuo-cf03", "sh-minhang-jc07",
            "sh-pudong-ljz12"};
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final long seed;

    public HardFrames(long seed) {
        this.seed = seed;
    }

    /** {@code perCategory} frames of every category, category by category. */
    public List<HardFrame> generate(int perCategory) {
        return generate(perCategory, EnumSet.allOf(Category.class));
    }

    public List<HardFrame> generate(int perCategory, Set<Category> categories) {
        List<HardFrame> frames = new ArrayList<>();
        for (Category category : categories) {
            for (int i = 0; i < perCategory; i++) {
                frames.add(frame(category, i));
            }
        }
        return frames;
    }

    /** Frame {@code index} of {@code category}, with its own pass token. */
    public HardFrame frame(Category category, int index) {
        Random random = randomFor(category, index);
        String token = category == Category.EMPTY ? null : token(random);
        return render(category, index, token, random, false);
    }

    /** Frame {@code index} of {@code category} showing {@code text} instead of a generated token. */
    public HardFrame frameShowing(Category category, int index, String text) {
        if (category == Category.EMPTY) {
            throw new IllegalArgumentException("an empty frame shows no text");
        }
        Random random = randomFor(category, index);
        token(random);
        return render(category, index, Objects.requireNonNull(text, "text"), random, false);
    }

    /**
     * A {@link Category#CLEAN} frame of {@code text} held square to the camera: no tilt, little rotation, a
     * code of 200 to 260 pixels, or bigger for a dense code, up to 440. Any clean pose can defeat a decoder
     * now and then (a large code of few modules in slight perspective, with no alignment pattern to correct
     * it); the simulated camera needs one that never does.
     */
    public HardFrame steadyFrame(String text, int index) {
        Random random = randomFor(Category.CLEAN, index);
        token(random);
        return render(Category.CLEAN, index, Objects.requireNonNull(text, "text"), random, true);
    }

    /**
     * A fake but realistic Yizhan pass: {@code base64url(header).base64url(claims).base64url(64-byte
     * signature)}, about 280 characters. It does not verify.
     */
    public static String token(Random random) {
        String kid = randomBase64Url(random, 12);
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        long issuedAt = 1_790_000_000L + random.nextInt(30_000_000);
        String claims = "{\"sub\":\"v-" + randomBase64Url(random, 6) + "\",\"cat\":\""
                + CATEGORIES_OF_VISITORS[random.nextInt(CATEGORIES_OF_VISITORS.length)] + "\",\"iss\":\""
                + SITES[random.nextInt(SITES.length)] + "\",\"iat\":" + issuedAt + ",\"exp\":"
                + (issuedAt + 86_400L * (1 + random.nextInt(365))) + "}";
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        return base64Url(header) + "." + base64Url(claims) + "." + BASE64URL.encodeToString(signature);
    }

    private Random randomFor(Category category, int index) {
        // A frame depends on (seed, category, index) only, never on which frames were made before it.
        long mixed = seed * 0x9E3779B97F4A7C15L + (category.ordinal() + 1) * 0xBF58476D1CE4E5B9L
                + index * 0x94D049BB133111EBL;
        return new Random(mixed ^ (mixed >>> 29));
    }

    private static String randomBase64Url(Random random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return BASE64URL.encodeToString(raw);
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** How a frame is made: every knob of the scene, chosen from the frame's random generator. */
    private static final class Look {
        boolean inverted;
        double codePixels;
        double rotation;
        double tiltX;
        double tiltY;
        double blurSigmaModules;
        double motionModules;
        double glare;
        double contrast = 1;
        double noise;
        boolean centred;
        double centreX;
        double centreY;
    }

    private HardFrame render(Category category, int index, String token, Random random, boolean steady) {
        float[] image = scene(random);
        if (token != null) {
            ByteMatrix matrix = encode(token);
            Look look = look(category, random);
            if (steady) {
                // Dense codes drawn bigger, as a phone held closer: at least 2.6 pixels a module, within the frame.
                look.codePixels = Math.min(440, Math.max(200 + random.nextDouble() * 60, matrix.getWidth() * 2.6));
                look.rotation = Math.toRadians(-5 + random.nextDouble() * 10);
                look.tiltX = 0;
                look.tiltY = 0;
                look.centred = true;
                if (matrix.getWidth() > 100) {
                    // At under three pixels a module any turn or blur costs modules: square and sharp.
                    look.rotation = 0;
                    look.blurSigmaModules = 0.1;
                }
            }
            double modulePx = drawPhone(image, matrix, look, random);
            if (look.glare > 0) {
                glare(image, look, random);
            }
            double sigma = Math.max(0.55, look.blurSigmaModules * modulePx);
            gaussianBlur(image, sigma);
            if (look.motionModules > 0) {
                motionBlur(image, look.motionModules * modulePx, random.nextDouble() * Math.PI);
            }
            if (look.contrast < 1) {
                // A dim screen in a bright room: the whole picture squeezed towards a middle grey.
                double middle = 95 + random.nextDouble() * 60;
                for (int i = 0; i < image.length; i++) {
                    image[i] = (float) (middle + (image[i] - middle) * look.contrast);
                }
            }
            noise(image, 2.5 + look.noise, random);
        } else {
            gaussianBlur(image, 0.55 + random.nextDouble() * 0.8);
            noise(image, 2.5 + random.nextDouble() * 10, random);
        }
        byte[] luminance = new byte[WIDTH * HEIGHT];
        for (int i = 0; i < luminance.length; i++) {
            luminance[i] = (byte) Math.max(0, Math.min(255, Math.round(image[i])));
        }
        return new HardFrame(category, index, token, luminance, WIDTH, HEIGHT);
    }

    private static Look look(Category category, Random random) {
        Look look = new Look();
        // A visitor holds the phone roughly upright and roughly square to the camera, 15 to 30 cm away.
        look.codePixels = 170 + random.nextDouble() * 120;
        look.rotation = Math.toRadians(-25 + random.nextDouble() * 50);
        look.tiltX = Math.toRadians(-10 + random.nextDouble() * 20);
        look.tiltY = Math.toRadians(-10 + random.nextDouble() * 20);
        look.blurSigmaModules = 0.12 + random.nextDouble() * 0.12;
        // Blur is in modules (a code's detail), not pixels; noise is the standard deviation in grey levels
        // added to the 2.5 every frame has.
        switch (category) {
            case CLEAN, EMPTY -> {
            }
            case INVERTED -> {
                // Dark mode: light modules on a black screen, a little softer and noisier than clean.
                look.inverted = true;
                look.blurSigmaModules = 0.15 + random.nextDouble() * 0.15;
                look.noise = random.nextDouble() * 6;
            }
            case GLARE -> glareLook(look, random);
            case BLUR -> look.blurSigmaModules = 0.22 + random.nextDouble() * 0.23;
            case MOTION_BLUR -> {
                // The phone moving during the exposure by half a module to one and a half.
                look.motionModules = 0.5 + random.nextDouble() * 0.9;
                look.blurSigmaModules = 0.2;
            }
            case TILT -> tiltLook(look, random);
            case LOW_CONTRAST -> {
                // 18% to 45% of the full range left between dark and light modules.
                look.contrast = 0.18 + random.nextDouble() * 0.27;
                look.noise = 1 + random.nextDouble() * 2;
                look.blurSigmaModules = 0.2 + random.nextDouble() * 0.15;
            }
            case SMALL -> {
                // A phone held at arm's length: 90 to 140 pixels, 1.4 to 2.2 pixels a module for a pass.
                look.codePixels = 90 + random.nextDouble() * 50;
                look.blurSigmaModules = 0.2 + random.nextDouble() * 0.1;
            }
            case NOISE -> {
                // A dark room at night: 4.5 to 12.5 grey levels of sensor noise.
                look.noise = 2 + random.nextDouble() * 8;
                look.blurSigmaModules = 0.2 + random.nextDouble() * 0.1;
            }
            case COMBINED -> combinedLook(look, random);
        }
        return look;
    }

    private static void glareLook(Look look, Random random) {
        // A ceiling lamp's reflection adding 130 to 250 grey levels at its centre, clipped at white.
        look.glare = 130 + random.nextDouble() * 120;
        look.blurSigmaModules = 0.2 + random.nextDouble() * 0.15;
    }

    private static void tiltLook(Look look, Random random) {
        // Turned 10° to 40° away about one axis, up to 20° about the other, in perspective.
        double strong = Math.toRadians(10 + random.nextDouble() * 30);
        double other = Math.toRadians(-20 + random.nextDouble() * 40);
        boolean aboutX = random.nextBoolean();
        look.tiltX = aboutX ? strong * (random.nextBoolean() ? 1 : -1) : other;
        look.tiltY = aboutX ? other : strong * (random.nextBoolean() ? 1 : -1);
        look.codePixels = 190 + random.nextDouble() * 100;
        look.blurSigmaModules = 0.2 + random.nextDouble() * 0.15;
    }

    private static void combinedLook(Look look, Random random) {
        // Two or three troubles at once, each milder than in its own category.
        List<Runnable> troubles = new ArrayList<>(List.of(
                () -> look.inverted = true,
                () -> look.glare = 90 + random.nextDouble() * 100,
                () -> look.blurSigmaModules = 0.28 + random.nextDouble() * 0.15,
                () -> {
                    look.tiltX = Math.toRadians(15 + random.nextDouble() * 20) * (random.nextBoolean() ? 1 : -1);
                    look.tiltY = Math.toRadians(-15 + random.nextDouble() * 30);
                },
                () -> look.contrast = 0.25 + random.nextDouble() * 0.2,
                () -> look.codePixels = 130 + random.nextDouble() * 30,
                () -> look.noise = 4 + random.nextDouble() * 8));
        Collections.shuffle(troubles, random);
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            troubles.get(i).run();
        }
    }

    /** The matrix of {@code text} as the pass issuer makes it: level M, a mask whose clean image reads back. */
    private static ByteMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        ByteMatrix first = null;
        for (int mask = -1; mask < 8; mask++) {
            if (mask >= 0) {
                hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            }
            try {
                ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
                if (first == null) {
                    first = matrix;
                }
                if (readsBackClean(matrix, text)) {
                    return matrix;
                }
            } catch (WriterException e) {
                throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
            }
        }
        return first;
    }

    private static boolean readsBackClean(ByteMatrix matrix, String text) {
        int scale = 4;
        int quiet = 4;
        int side = (matrix.getWidth() + 2 * quiet) * scale;
        byte[] pixels = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my) == 1;
                pixels[y * side + x] = (byte) (dark ? 0 : 255);
            }
        }
        var source = new PlanarYUVLuminanceSource(pixels, side, side, 0, 0, side, side, false);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }

    /** A room seen by the kiosk camera: wall, door frame, posters, furniture, a ceiling light's gradient. */
    private static float[] scene(Random random) {
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int top = 70 + random.nextInt(120);
            int bottom = 50 + random.nextInt(120);
            g.setPaint(new GradientPaint(random.nextInt(WIDTH), 0, grey(top), random.nextInt(WIDTH), HEIGHT,
                    grey(bottom)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int shapes = 5 + random.nextInt(8);
            for (int i = 0; i < shapes; i++) {
                g.setColor(grey(30 + random.nextInt(200)));
                double x = random.nextDouble() * WIDTH - 60;
                double y = random.nextDouble() * HEIGHT - 60;
                double w = 30 + random.nextDouble() * 260;
                double h = 30 + random.nextDouble() * 260;
                AffineTransform turn = AffineTransform.getRotateInstance(random.nextDouble() - 0.5, x + w / 2,
                        y + h / 2);
                g.fill(turn.createTransformedShape(random.nextInt(3) == 0
                        ? new Ellipse2D.Double(x, y, w, h) : new RoundRectangle2D.Double(x, y, w, h, 12, 12)));
            }
            // A notice on the wall: lines of print, the busiest texture a code-less frame has.
            int lines = random.nextInt(12);
            int left = random.nextInt(WIDTH - 160);
            int lineTop = random.nextInt(HEIGHT - 140);
            for (int i = 0; i < lines; i++) {
                g.setColor(grey(20 + random.nextInt(60)));
                for (int x = left; x < left + 60 + random.nextInt(100); x += 4 + random.nextInt(6)) {
                    g.fillRect(x, lineTop + i * 11, 2 + random.nextInt(4), 6 + random.nextInt(3));
                }
            }
        } finally {
            g.dispose();
        }
        float[] image = new float[WIDTH * HEIGHT];
        var raster = canvas.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image[y * WIDTH + x] = raster.getSample(x, y, 0);
            }
        }
        return image;
    }

    private static Color grey(int level) {
        int v = Math.max(0, Math.min(255, level));
        return new Color(v, v, v);
    }

    /**
     * Draws the phone: bezel, screen and code on a plane rotated in 3D in front of the camera. Returns the
     * size of a module in pixels at the code's centre.
     */
    private static double drawPhone(float[] image, ByteMatrix matrix, Look look, Random random) {
        int modules = matrix.getWidth();
        double modulePx = look.codePixels / modules;
        // Plane coordinates are in modules, the code from 0 to `modules`; the screen extends past the quiet zone.
        double screenSide = 5.5 + random.nextDouble() * 2;
        double screenTop = 8 + random.nextDouble() * 10;
        double screenBottom = 12 + random.nextDouble() * 10;
        double bezel = 1.5;
        double[] homography = homography(modules, modulePx, look, random);
        double[] inverse = invert(homography);

        double[][] corners = {
                {-screenSide - bezel, -screenTop - bezel}, {modules + screenSide + bezel, -screenTop - bezel},
                {modules + screenSide + bezel, modules + screenBottom + bezel},
                {-screenSide - bezel, modules + screenBottom + bezel}};
        double minX = WIDTH;
        double minY = HEIGHT;
        double maxX = 0;
        double maxY = 0;
        for (double[] corner : corners) {
            double[] p = apply(homography, corner[0], corner[1]);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        float screen = look.inverted ? 18 + random.nextInt(20) : 225 + random.nextInt(25);
        float ink = look.inverted ? 200 + random.nextInt(45) : 10 + random.nextInt(25);
        float body = 12 + random.nextInt(30);
        int x0 = Math.max(0, (int) Math.floor(minX));
        int y0 = Math.max(0, (int) Math.floor(minY));
        int x1 = Math.min(WIDTH - 1, (int) Math.ceil(maxX));
        int y1 = Math.min(HEIGHT - 1, (int) Math.ceil(maxY));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double sum = 0;
                int inside = 0;
                for (int sy = 0; sy < SUPERSAMPLING; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                        double[] uv = apply(inverse, x + (sx + 0.5) / SUPERSAMPLING, y + (sy + 0.5) / SUPERSAMPLING);
                        double u = uv[0];
                        double v = uv[1];
                        if (u < -screenSide - bezel || u >= modules + screenSide + bezel
                                || v < -screenTop - bezel || v >= modules + screenBottom + bezel) {
                            continue;
                        }
                        inside++;
                        boolean onScreen = u >= -screenSide && u < modules + screenSide && v >= -screenTop
                                && v < modules + screenBottom;
                        boolean dark = u >= 0 && v >= 0 && u < modules && v < modules
                                && matrix.get((int) u, (int) v) == 1;
                        if (!onScreen) {
                            sum += body;
                        } else if (dark) {
                            sum += ink;
                        } else {
                            sum += screen;
                        }
                    }
                }
                if (inside > 0) {
                    int i = y * WIDTH + x;
                    int samples = SUPERSAMPLING * SUPERSAMPLING;
                    image[i] = (float) ((sum + image[i] * (samples - inside)) / samples);
                }
            }
        }
        return modulePx;
    }

    /** Plane (modules) to image (pixels): the code's centre near the frame's, rotated, tilted, projected. */
    private static double[] homography(int modules, double modulePx, Look look, Random random) {
        double cx = WIDTH / 2.0 + (random.nextDouble() - 0.5) * (WIDTH - look.codePixels * 1.3) * 0.6;
        double cy = HEIGHT / 2.0 + (random.nextDouble() - 0.5) * (HEIGHT - look.codePixels * 1.3) * 0.5;
        if (look.centred) {
            cx = WIDTH / 2.0;
            cy = HEIGHT / 2.0;
        }
        look.centreX = cx;
        look.centreY = cy;
        double cr = Math.cos(look.rotation);
        double sr = Math.sin(look.rotation);
        double cx1 = Math.cos(look.tiltX);
        double sx1 = Math.sin(look.tiltX);
        double cy1 = Math.cos(look.tiltY);
        double sy1 = Math.sin(look.tiltY);
        // R = Ry(tiltY) · Rx(tiltX) · Rz(rotation); only its first two columns matter for a plane.
        double[][] rz = {{cr, -sr, 0}, {sr, cr, 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, cx1, -sx1}, {0, sx1, cx1}};
        double[][] ry = {{cy1, 0, sy1}, {0, 1, 0}, {-sy1, 0, cy1}};
        double[][] r = multiply(ry, multiply(rx, rz));
        double half = modules / 2.0;
        // Plane point (u, v) → 3D: R · (modulePx·(u − half), modulePx·(v − half), 0) + (0, 0, f).
        double[][] planeTo3d = {
                {r[0][0] * modulePx, r[0][1] * modulePx, -(r[0][0] + r[0][1]) * modulePx * half},
                {r[1][0] * modulePx, r[1][1] * modulePx, -(r[1][0] + r[1][1]) * modulePx * half},
                {r[2][0] * modulePx, r[2][1] * modulePx, -(r[2][0] + r[2][1]) * modulePx * half + FOCAL_PX}};
        double[][] camera = {{FOCAL_PX, 0, cx}, {0, FOCAL_PX, cy}, {0, 0, 1}};
        double[][] h = multiply(camera, planeTo3d);
        return new double[] {h[0][0], h[0][1], h[0][2], h[1][0], h[1][1], h[1][2], h[2][0], h[2][1], h[2][2]};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return c;
    }

    private static double[] apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double ei = e * i - f * h;
        double fg = f * g - d * i;
        double dh = d * h - e * g;
        double det = a * ei + b * fg + c * dh;
        return new double[] {
                ei / det, (c * h - b * i) / det, (b * f - c * e) / det,
                fg / det, (a * i - c * g) / det, (c * d - a * f) / det,
                dh / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    /** A reflection of a ceiling lamp on the screen: a bright ellipse over part of the code, clipped at white. */
    private static void glare(float[] image, Look look, Random random) {
        double cx = look.centreX + (random.nextDouble() - 0.5) * look.codePixels * 0.9;
        double cy = look.centreY + (random.nextDouble() - 0.5) * look.codePixels * 0.9;
        double rx = look.codePixels * (0.18 + random.nextDouble() * 0.3);
        double ry = rx * (0.35 + random.nextDouble() * 0.5);
        double angle = random.nextDouble() * Math.PI;
        double ca = Math.cos(angle);
        double sa = Math.sin(angle);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double a = (dx * ca + dy * sa) / rx;
                double b = (-dx * sa + dy * ca) / ry;
                double r2 = a * a + b * b;
                if (r2 < 9) {
                    int i = y * WIDTH + x;
                    image[i] = (float) Math.min(255, image[i] + look.glare * Math.exp(-r2));
                }
            }
        }
    }

    private static void gaussianBlur(float[] image, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            total += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= total;
        }
        float[] pass = new float[image.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(WIDTH - 1, x + k));
                    sum += kernel[k + radius] * image[y * WIDTH + xx];
                }
                pass[y * WIDTH + x] = sum;
            }
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(HEIGHT - 1, y + k));
                    sum += kernel[k + radius] * pass[yy * WIDTH + x];
                }
                image[y * WIDTH + x] = sum;
            }
        }
    }

    /** A hand moving during the exposure: the average of the frame shifted along a line. */
    private static void motionBlur(float[] image, double lengthPx, double angle) {
        int steps = Math.max(2, (int) Math.ceil(lengthPx));
        double dx = Math.cos(angle) * lengthPx / (steps - 1);
        double dy = Math.sin(angle) * lengthPx / (steps - 1);
        float[] source = image.clone();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double sum = 0;
                for (int s = 0; s < steps; s++) {
                    double t = s - (steps - 1) / 2.0;
                    int xx = (int) Math.round(x + dx * t);
                    int yy = (int) Math.round(y + dy * t);
                    xx = Math.max(0, Math.min(WIDTH - 1, xx));
                    yy = Math.max(0, Math.min(HEIGHT - 1, yy));
                    sum += source[yy * WIDTH + xx];
                }
                image[y * WIDTH + x] = (float) (sum / steps);
            }
        }
    }

    private static void noise(float[] image, double sigma, Random random) {
        for (int i = 0; i < image.length; i++) {
            image[i] += (float) (random.nextGaussian() * sigma);
        }
    }
}
