package org.yizhan.kiosk.ui.checkin;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * The shape the result screens share: content in the middle, the back button (tap id {@code home})
 * bottom left, where a hand finds it on every screen. Colours come from the screen's style class.
 *
 * <p>Threading: JavaFX thread only.
 */
final class ResultLayout {

    private ResultLayout() {
    }

    static BorderPane screen(Screen screen, KioskViewModel model, Node content) {
        TouchButton back = new TouchButton(KioskFlow.HOME, model.text("common.back"), model::goHome)
                .withIcon(Icons.back(34), ContentDisplay.LEFT)
                .styled("back-button");
        HBox actions = new HBox(back);
        actions.getStyleClass().add("result-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(content, null, null, actions, null);
        root.setId("screen-" + screen.id());
        root.getStyleClass().addAll("screen", "result-screen", screen.id() + "-screen");
        return root;
    }

    /** A badge above a large title and a message, all centred. */
    static VBox centred(Node badge, ObservableValue<String> title, ObservableValue<String> message) {
        VBox content = new VBox(badge, label(title, "result-title"), label(message, "result-message"));
        content.getStyleClass().add("result-content");
        content.setAlignment(Pos.CENTER);
        return content;
    }

    static Label label(ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }
}
