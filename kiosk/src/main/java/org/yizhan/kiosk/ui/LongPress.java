package org.yizhan.kiosk.ui;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * A hidden gesture: {@code action} runs once a finger (or the mouse's primary button) has held
 * {@code node} for {@code hold} without letting go or sliding off it. A shorter touch does nothing, and
 * nothing on screen shows that a press is being timed. The touchscreen's touches reach the node as the
 * mouse events JavaFX synthesises from them.
 *
 * <p>Threading: JavaFX thread only; the action runs on it.
 */
public final class LongPress {

    private final Node node;
    private final PauseTransition timer;

    private LongPress(Node node, Duration hold, Runnable action) {
        this.node = node;
        this.timer = new PauseTransition(hold);
        timer.setOnFinished(event -> action.run());
    }

    /** Times presses on {@code node} from now on. */
    public static void install(Node node, Duration hold, Runnable action) {
        LongPress press = new LongPress(node, hold, action);
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, press::pressed);
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> press.timer.stop());
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, press::dragged);
        // A press cannot outlive the node's place on screen.
        node.sceneProperty().addListener((o, old, scene) -> press.timer.stop());
    }

    private void pressed(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY) {
            timer.playFromStart();
        }
    }

    private void dragged(MouseEvent event) {
        // A finger sliding along the screen is not holding still, and one that left the node is not on it.
        if (!node.contains(event.getX(), event.getY())) {
            timer.stop();
        }
    }
}
