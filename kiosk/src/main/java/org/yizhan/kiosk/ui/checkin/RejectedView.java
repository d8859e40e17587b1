package org.yizhan.kiosk.ui.checkin;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * The scan was not accepted: red, a cross, and the reason in plain words with what to do next
 * (renew at the service desk, scan again…), never the technical code.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class RejectedView {

    private final BorderPane root;

    public RejectedView(KioskViewModel model) {
        root = ResultLayout.screen(Screen.REJECTED, model,
                ResultLayout.centred(Icons.crossBadge(150), model.text("rejected.title"), model.rejection()));
    }

    public Node root() {
        return root;
    }
}
