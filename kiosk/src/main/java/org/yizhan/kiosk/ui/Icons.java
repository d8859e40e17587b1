package org.yizhan.kiosk.ui;

import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * Line icons drawn as shapes, so the window needs no image files and every icon takes its colour from
 * the stylesheet ({@code .icon-line}, {@code .badge-disc}). Paths are on a 24-unit grid and scaled.
 *
 * <p>Threading: builds new nodes; call it on the JavaFX thread or before the nodes are shown.
 */
public final class Icons {

    private static final String CHECK = "M4.5 12.5 L9.5 17.5 L19.5 6.5";
    private static final String CROSS = "M6.5 6.5 L17.5 17.5 M17.5 6.5 L6.5 17.5";
    private static final String DOUBLE_CHECK = "M1.5 12.5 L6.5 17.5 L15.5 7 M11.5 16 L13 17.5 L22.5 7";
    private static final String WARNING = "M12 3 L22 20.5 H2 Z M12 9 V12.5 M12 16.5 V16.6";
    private static final String EXCLAMATION = "M12 5.5 V13 M12 18 V18.1";
    private static final String SMILE = "M12 3 A9 9 0 1 1 11.99 3 Z M8 14 Q12 18 16 14 M9 9.5 V10 M15 9.5 V10";
    private static final String BACK = "M15 5 L8 12 L15 19";
    // a handset
    private static final String PHONE = "M5 3.5 H8.5 L10 8 L7.8 9.6 C9 12.2 11.8 15 14.4 16.2 L16 14 L20.5 15.5"
            + " V19 A1.8 1.8 0 0 1 18.7 20.8 C10.8 20.3 3.7 13.2 3.2 5.3 A1.8 1.8 0 0 1 5 3.5 Z";
    // a pass: a card with a QR corner and lines
    private static final String PASS = "M3 5.5 H21 V18.5 H3 Z M6 9 H10 V13 H6 Z M13 9.5 H18 M13 12.5 H18 M6 16 H18";
    // three bars: counts
    private static final String COUNTS = "M4 20.5 H20 M6.5 20.5 V13 M12 20.5 V6 M17.5 20.5 V10";

    // The measuring guidance, on the 24-unit grid: a line drawing and an accent (the chair, the clock's five
    // minutes, the cuff and the heart, the stroke through) that the stylesheet colours apart (.icon-accent).
    private static final String SITTING = "M11.5 2.3 A2.1 2.1 0 1 1 11.49 2.3 Z M11 7 L10 14 H16.5 V21 H19"
            + " M10.8 9 L14.5 12 M2.5 21.8 H21.5";
    private static final String SITTING_ACCENT = "M6 6.5 V21 M6 15.5 H13.5 M13.5 15.5 V21";
    private static final String RESTING = "M12 4 A9 9 0 1 1 11.99 4 Z M12 13 V7.5 M12 13 L15.5 15.2 M10 1.5 H14";
    private static final String RESTING_ACCENT = "M12 13 L12 4.8 A8.2 8.2 0 0 1 16.1 5.9 Z";
    private static final String CUFF = "M8.5 2.2 A2.1 2.1 0 1 1 8.49 2.2 Z M4 21 V10.5 Q4 8 6.5 7.8 H10.5 Q13 8 13 10.5"
            + " V21 M13 9.5 L16 12.5 H22.5 M14.5 15.5 H23";
    private static final String CUFF_ACCENT = "M13.4 9.2 L15.6 7.6 L17.7 10.4 L15.5 12 Z M8.5 14 C6.8 12.8 6.3 11.9"
            + " 6.8 11.2 A1 1 0 0 1 8.5 11.4 A1 1 0 0 1 10.2 11.2 C10.7 11.9 10.2 12.8 8.5 14 Z";
    private static final String QUIET = "M4 4 H20 A1.5 1.5 0 0 1 21.5 5.5 V14.5 A1.5 1.5 0 0 1 20 16 H10 L5.5 20 V16"
            + " H4 A1.5 1.5 0 0 1 2.5 14.5 V5.5 A1.5 1.5 0 0 1 4 4 Z M7 8.5 H17 M7 11.5 H14";
    private static final String QUIET_ACCENT = "M3 2 L21 21";

    private static final Map<Purpose, String> PURPOSES = Map.of(
            // a cup with steam
            Purpose.REST, "M4 10 H17 V14 A5 5 0 0 1 12 19 H9 A5 5 0 0 1 4 14 Z M17 11.5 H18.5 A2.5 2.5 0 0 1"
                    + " 18.5 16.5 H16.5 M8 3 Q9.5 4.5 8 6 M12 3 Q13.5 4.5 12 6 M3 22 H18",
            // a lightning bolt
            Purpose.CHARGE, "M13 2 L4 14 H11 L10 22 L20 9 H13 Z",
            // a heart with a pulse line
            Purpose.HEALTH, "M12 20.5 C5 15.5 2.5 12 2.5 8.5 A4.8 4.8 0 0 1 12 6.5 A4.8 4.8 0 0 1 21.5 8.5"
                    + " C21.5 12 19 15.5 12 20.5 Z M6.5 12 H9 L10.5 9.5 L13 14.5 L14.5 12 H17.5",
            // a calendar page
            Purpose.ACTIVITY, "M4 5 H20 V21 H4 Z M4 10 H20 M8 3 V7 M16 3 V7 M8 14 H10 M14 14 H16 M8 17.5 H10",
            // a form with a folded corner
            Purpose.SERVICES, "M6 2.5 H14 L19 7.5 V21.5 H6 Z M14 2.5 V7.5 H19 M9 12 H16 M9 16 H16",
            // three dots
            Purpose.OTHER, "M5 11 A1 1 0 1 1 4.99 11 Z M12 11 A1 1 0 1 1 11.99 11 Z M19 11 A1 1 0 1 1 18.99 11 Z");

    private Icons() {
    }

    public static Node purpose(Purpose purpose, double size) {
        return line(PURPOSES.get(purpose), size);
    }

    public static Node back(double size) {
        return line(BACK, size);
    }

    /** The heart with a pulse line of the health purpose, for the health check's button. */
    public static Node heart(double size) {
        return line(PURPOSES.get(Purpose.HEALTH), size);
    }

    public static Node phone(double size) {
        return line(PHONE, size);
    }

    public static Node pass(double size) {
        return line(PASS, size);
    }

    public static Node calendar(double size) {
        return line(PURPOSES.get(Purpose.ACTIVITY), size);
    }

    public static Node counts(double size) {
        return line(COUNTS, size);
    }

    /** A person sitting upright on a chair, feet on the floor. */
    public static Node sitting(double size) {
        return picture(SITTING, SITTING_ACCENT, size);
    }

    /** A clock with its first five minutes marked: rest five minutes. */
    public static Node resting(double size) {
        return picture(RESTING, RESTING_ACCENT, size);
    }

    /** A person with the cuff on their left upper arm, the arm on a table, the cuff level with the heart. */
    public static Node cuffAtHeartHeight(double size) {
        return picture(CUFF, CUFF_ACCENT, size);
    }

    /** A speech bubble struck through: do not talk. */
    public static Node quiet(double size) {
        return picture(QUIET, QUIET_ACCENT, size);
    }

    /** A white disc with a check mark, for the welcome screen. */
    public static Node checkBadge(double size) {
        return badge(CHECK, size);
    }

    public static Node crossBadge(double size) {
        return badge(CROSS, size);
    }

    public static Node doubleCheckBadge(double size) {
        return badge(DOUBLE_CHECK, size);
    }

    /** A disc with an exclamation mark, for a device that works but not well. */
    public static Node exclamationBadge(double size) {
        return badge(EXCLAMATION, size);
    }

    public static Node warningBadge(double size) {
        return badge(WARNING, size);
    }

    public static Node smileBadge(double size) {
        return badge(SMILE, size);
    }

    private static Node badge(String path, double size) {
        Circle disc = new Circle(size / 2);
        disc.getStyleClass().add("badge-disc");
        StackPane badge = new StackPane(disc, line(path, size * 0.6));
        badge.getStyleClass().add("badge");
        badge.setMinSize(size, size);
        badge.setMaxSize(size, size);
        return badge;
    }

    /** A line drawing with an accented part, both scaled from the 24-unit grid to {@code size}. */
    private static Node picture(String path, String accent, double size) {
        SVGPath lines = svg(path, "icon-line");
        SVGPath accented = svg(accent, "icon-accent");
        // Scaled as one group, about the grid's origin, so the two parts stay in register.
        Group drawing = new Group(lines, accented);
        double scale = size / 24;
        Group icon = new Group(drawing);
        drawing.getTransforms().add(new Scale(scale, scale, 0, 0));
        icon.getStyleClass().addAll("icon", "picture");
        return icon;
    }

    private static SVGPath svg(String path, String styleClass) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add(styleClass);
        return svg;
    }

    /** A stroked path scaled from the 24-unit grid to {@code size}; the group's bounds follow the scale. */
    private static Node line(String path, double size) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.getStyleClass().add("icon-line");
        double scale = size / 24;
        svg.setScaleX(scale);
        svg.setScaleY(scale);
        Group icon = new Group(svg);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
