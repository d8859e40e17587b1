package org.yizhan.kiosk.ui.checkin;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * A purpose was recorded: thanks, and what was recorded, for a few seconds before home.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class ThanksView {

    private final BorderPane root;

    public ThanksView(KioskViewModel model) {
        root = ResultLayout.screen(Screen.THANKS, model,
                ResultLayout.centred(Icons.smileBadge(150), model.text("thanks.title"), model.thanks()));
    }

    public Node root() {
        return root;
    }
}
