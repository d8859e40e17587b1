package org.yizhan.kiosk.ui.checkin;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * The kiosk could not record the visit: it says so plainly, so the visitor does not believe they are
 * counted, and asks them to call the staff on duty.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class OutOfOrderView {

    private final BorderPane root;

    public OutOfOrderView(KioskViewModel model) {
        root = ResultLayout.screen(Screen.OUT_OF_ORDER, model, ResultLayout.centred(Icons.warningBadge(150),
                model.text("out-of-order.title"), model.text("out-of-order.message")));
    }

    public Node root() {
        return root;
    }
}
