package org.yizhan.kiosk.ui.checkin;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * A visitor without a pass says why they came; tapping a purpose records the visit. Nothing is chosen
 * in advance, so nobody is counted who only looked.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class WalkInView {

    private final BorderPane root;

    public WalkInView(KioskViewModel model) {
        VBox content = new VBox(ResultLayout.label(model.text("walk-in.title"), "result-title"),
                ResultLayout.label(model.text("walk-in.question"), "purpose-question"),
                PurposeGrid.of(model, null));
        content.getStyleClass().add("walk-in-content");
        content.setAlignment(Pos.CENTER);
        root = ResultLayout.screen(Screen.WALK_IN, model, content);
    }

    public Node root() {
        return root;
    }
}
