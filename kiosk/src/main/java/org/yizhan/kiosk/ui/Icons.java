package org.yizhan.kiosk.ui;

import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
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
