package org.yizhan.kiosk.ui.health;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * "Delete all my readings?" after the resident's pass was recognised: deleting ({@code confirm-delete}) is red
 * and on the right; "no, keep them" is the back button ({@code home}), where it always is.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class DeleteConfirmView {

    private final BorderPane root;

    public DeleteConfirmView(KioskViewModel model) {
        TouchButton delete = new TouchButton(KioskFlow.CONFIRM_DELETE, model.text("health.delete-confirm.yes"),
                model.health()::confirmDelete).styled("danger", "result-action");
        root = HealthLayout.screen(Screen.HEALTH_DELETE_CONFIRM, HealthLayout.back(model, "health.delete-confirm.no"),
                "health-paper", HealthLayout.centred(Icons.warningBadge(150), model.text("health.delete-confirm.title"),
                        model.text("health.delete-confirm.message")), delete);
    }

    public Node root() {
        return root;
    }
}
