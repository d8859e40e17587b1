package org.yizhan.kiosk.ui.health;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * The shape the health screens share: content in the middle, the back button (tap id {@code home}) bottom
 * left as on every screen, the screen's own buttons bottom right. Every health screen is in large type
 * whatever {@code ui.large-text} says (the {@code .health-screen} rules of the stylesheet): many who measure
 * are elderly. A screen is {@code health-paper} (calm, for reading and choosing) or coloured by its meaning.
 *
 * <p>Threading: JavaFX thread only.
 */
final class HealthLayout {

    private HealthLayout() {
    }

    /** @param look {@code health-paper}, or the style class of the screen's colour */
    static BorderPane screen(Screen screen, KioskViewModel model, String look, Node content, Node... actions) {
        return screen(screen, back(model, "common.back"), look, content, actions);
    }

    static BorderPane screen(Screen screen, TouchButton back, String look, Node content, Node... actions) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(back, gap);
        bar.getChildren().addAll(actions);
        bar.getStyleClass().add("health-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(content, null, null, bar, null);
        root.setId("screen-" + screen.id());
        root.getStyleClass().addAll("screen", "health-screen", look, screen.id() + "-screen");
        return root;
    }

    static TouchButton back(KioskViewModel model, String textKey) {
        return new TouchButton(KioskFlow.HOME, model.text(textKey), model::goHome)
                .withIcon(Icons.back(34), ContentDisplay.LEFT)
                .styled("back-button");
    }

    /** A badge or picture above a large title and a message, all centred. */
    static VBox centred(Node picture, ObservableValue<String> title, ObservableValue<String> message) {
        VBox content = new VBox(picture, label(title, "health-title"), label(message, "health-message"));
        content.getStyleClass().add("health-centred");
        content.setAlignment(Pos.CENTER);
        return content;
    }

    static Label label(ObservableValue<String> text, String... styleClasses) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().addAll(styleClasses);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shown, and taking room, only while {@code shown} is true. */
    static <N extends Node> N shownWhen(N node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }
}
