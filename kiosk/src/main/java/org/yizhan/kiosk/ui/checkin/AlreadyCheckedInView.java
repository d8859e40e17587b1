package org.yizhan.kiosk.ui.checkin;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * The same visitor scanned again within the duplicate window: a calm teal screen saying nothing more is
 * needed, with the category the visitor was counted as. Nothing new was recorded.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class AlreadyCheckedInView {

    private final BorderPane root;

    public AlreadyCheckedInView(KioskViewModel model) {
        VBox content = ResultLayout.centred(Icons.doubleCheckBadge(150), model.text("already.title"),
                model.text("already.message"));
        content.getChildren().add(ResultLayout.label(model.categoryName(), "category-chip"));
        root = ResultLayout.screen(Screen.ALREADY_CHECKED_IN, model, content);
    }

    public Node root() {
        return root;
    }
}
