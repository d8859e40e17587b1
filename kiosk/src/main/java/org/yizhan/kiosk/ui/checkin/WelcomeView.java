package org.yizhan.kiosk.ui.checkin;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * Checked in with a pass: green, a large check mark, "welcome" with the visitor's category in words, and
 * the purpose buttons with the purpose already recorded (the site's default) marked as chosen. Choosing
 * is optional: the flow returns home by itself and the visit keeps the default.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class WelcomeView {

    private final BorderPane root;

    public WelcomeView(KioskViewModel model) {
        VBox titles = new VBox(ResultLayout.label(model.welcomeTitle(), "result-title"),
                ResultLayout.label(model.text("welcome.subtitle"), "result-message"));
        titles.setAlignment(Pos.CENTER_LEFT);
        HBox greeting = new HBox(Icons.checkBadge(132), titles);
        greeting.getStyleClass().add("welcome-greeting");
        greeting.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(greeting, ResultLayout.label(model.text("welcome.question"), "purpose-question"),
                PurposeGrid.of(model, purpose -> model.recordedPurpose().isEqualTo(purpose)));
        content.getStyleClass().add("welcome-content");
        root = ResultLayout.screen(Screen.WELCOME, model, content);
    }

    public Node root() {
        return root;
    }
}
