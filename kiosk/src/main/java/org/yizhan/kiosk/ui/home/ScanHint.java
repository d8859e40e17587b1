package org.yizhan.kiosk.ui.home;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

/**
 * The moving picture under the scan prompt: a QR code in a viewfinder with a scan line sweeping over it,
 * and chevrons below that glow one after another, pointing down to the scanner under the screen. Drawn
 * with shapes and coloured by the stylesheet ({@code .scan-hint …}).
 *
 * <p>The animations run only while the hint is in a showing scene, so the Pi's CPU rests on other screens.
 * Threading: JavaFX thread only.
 */
public final class ScanHint {

    private static final double CODE = 150;
    private static final double FRAME = 200;

    private final VBox root;
    private final List<Animation> animations = new ArrayList<>();

    public ScanHint() {
        StackPane viewfinder = new StackPane(corners(), code(), scanLine());
        viewfinder.setMinSize(FRAME, FRAME);
        viewfinder.setMaxSize(FRAME, FRAME);
        viewfinder.getStyleClass().add("viewfinder");

        root = new VBox(4, viewfinder, chevrons());
        root.getStyleClass().add("scan-hint");
        root.setFillWidth(false);
        root.setAlignment(Pos.TOP_CENTER);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                animations.forEach(Animation::stop);
            } else {
                animations.forEach(Animation::play);
            }
        });
    }

    public Node root() {
        return root;
    }

    /** The four corner brackets of a viewfinder. */
    private static Node corners() {
        double arm = 44;
        double max = FRAME - 6;
        Path path = new Path(
                new MoveTo(0, arm), new LineTo(0, 0),
                new LineTo(arm, 0),
                new MoveTo(max - arm, 0), new LineTo(max, 0),
                new LineTo(max, arm),
                new MoveTo(max, max - arm), new LineTo(max, max),
                new LineTo(max - arm, max),
                new MoveTo(arm, max), new LineTo(0, max),
                new LineTo(0, max - arm));
        path.getStyleClass().add("viewfinder-corners");
        return path;
    }

    /** A QR code's look: three finder patterns and a sprinkle of modules. Not a readable code. */
    private static Node code() {
        double module = CODE / 21;
        Group code = new Group();
        for (double[] corner : new double[][] {{0, 0}, {14, 0}, {0, 14}}) {
            code.getChildren().addAll(
                    square(corner[0] * module, corner[1] * module, 7 * module, "qr-finder-outer"),
                    square((corner[0] + 1) * module, (corner[1] + 1) * module, 5 * module, "qr-finder-gap"),
                    square((corner[0] + 2) * module, (corner[1] + 2) * module, 3 * module, "qr-module"));
        }
        int[][] modules = {
            {8, 1}, {10, 2}, {9, 4}, {11, 5}, {8, 6}, {12, 3}, {1, 9}, {3, 8}, {5, 10}, {2, 11}, {6, 12},
            {8, 8}, {9, 9}, {10, 8}, {11, 10}, {12, 12}, {8, 11}, {13, 9}, {15, 8}, {17, 9}, {19, 8}, {16, 11},
            {18, 12}, {20, 10}, {9, 14}, {11, 15}, {8, 17}, {10, 19}, {12, 18}, {14, 14}, {15, 16}, {17, 15},
            {19, 17}, {16, 19}, {18, 20}, {20, 14}, {13, 20}, {9, 12}, {14, 11}, {20, 19}};
        for (int[] m : modules) {
            code.getChildren().add(square(m[0] * module, m[1] * module, module, "qr-module"));
        }
        return code;
    }

    private Node scanLine() {
        Rectangle line = new Rectangle(FRAME - 24, 5);
        line.getStyleClass().add("scan-line");
        line.setArcWidth(5);
        line.setArcHeight(5);
        StackPane.setAlignment(line, Pos.TOP_CENTER);
        TranslateTransition sweep = new TranslateTransition(Duration.seconds(1.6), line);
        sweep.setFromY(12);
        sweep.setToY(FRAME - 17);
        sweep.setAutoReverse(true);
        sweep.setCycleCount(Animation.INDEFINITE);
        sweep.setInterpolator(Interpolator.EASE_BOTH);
        animations.add(sweep);
        return line;
    }

    /** Three chevrons pointing down, lit one after another from the top, the whole group bobbing. */
    private Node chevrons() {
        VBox stack = new VBox(-14);
        stack.setAlignment(Pos.TOP_CENTER);
        for (int i = 0; i < 3; i++) {
            Polyline chevron = new Polyline(0, 0, 28, 22, 56, 0);
            chevron.getStyleClass().add("chevron");
            stack.getChildren().add(chevron);
            FadeTransition glow = new FadeTransition(Duration.seconds(1.2), chevron);
            glow.setFromValue(1.0);
            glow.setToValue(0.2);
            glow.setAutoReverse(true);
            glow.setCycleCount(Animation.INDEFINITE);
            glow.setDelay(Duration.millis(200 * i));
            animations.add(glow);
        }
        TranslateTransition bob = new TranslateTransition(Duration.seconds(0.9), stack);
        bob.setFromY(0);
        bob.setToY(12);
        bob.setAutoReverse(true);
        bob.setCycleCount(Animation.INDEFINITE);
        bob.setInterpolator(Interpolator.EASE_BOTH);
        animations.add(bob);
        return stack;
    }

    private static Shape square(double x, double y, double size, String styleClass) {
        Rectangle square = new Rectangle(x, y, size, size);
        square.getStyleClass().add(styleClass);
        return square;
    }
}
