package org.yizhan.kiosk.ui.health;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * No reading arrived while the guidance waited: check the cuff (on, switched on, started), then measure
 * again ({@code measure-again}) or go back.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class TimeoutView {

    private final BorderPane root;

    public TimeoutView(KioskViewModel model) {
        TouchButton again = new TouchButton(KioskFlow.MEASURE_AGAIN, model.text("health.measure-again"),
                model.health()::measureAgain).styled("primary", "result-action");
        root = HealthLayout.screen(Screen.HEALTH_TIMEOUT, model, "health-paper",
                HealthLayout.centred(Icons.cuffAtHeartHeight(150), model.text("health.timeout.title"),
                        model.text("health.timeout.message")), again);
    }

    public Node root() {
        return root;
    }
}
