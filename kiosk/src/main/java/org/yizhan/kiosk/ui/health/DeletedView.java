package org.yizhan.kiosk.ui.health;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * The resident's readings are gone: green, and how many were deleted (or that there were none).
 *
 * <p>Threading: JavaFX thread only.
 */
public final class DeletedView {

    private final BorderPane root;

    public DeletedView(KioskViewModel model) {
        root = HealthLayout.screen(Screen.HEALTH_DELETED, model, "health-coloured",
                HealthLayout.centred(Icons.checkBadge(150), model.text("health.deleted.title"),
                        model.health().deletedText()));
    }

    public Node root() {
        return root;
    }
}
