package org.yizhan.kiosk.ui.health;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * Before any reading (PIPL: health data is sensitive, and keeping it needs its own consent): what is kept
 * (readings under the pass's anonymous number, no name or phone), for how long (the configured retention),
 * and that only anonymous counts leave the kiosk. Two large choices, keep a history ({@code consent-keep})
 * or measure without saving ({@code consent-anonymous}); "delete my data" ({@code delete-my-data}) smaller,
 * beside the back button.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class ConsentView {

    private final BorderPane root;

    public ConsentView(KioskViewModel model) {
        HealthViewModel health = model.health();
        GridPane facts = new GridPane();
        facts.getStyleClass().add("consent-facts");
        facts.addRow(0, fact(Icons.pass(44)), HealthLayout.label(model.text("health.consent.stored"), "consent-fact"));
        facts.addRow(1, fact(Icons.calendar(44)), HealthLayout.label(health.retentionText(), "consent-fact"));
        facts.addRow(2, fact(Icons.counts(44)), HealthLayout.label(model.text("health.consent.leaves"), "consent-fact"));

        TouchButton keep = new TouchButton(KioskFlow.CONSENT_KEEP, model.text("health.consent.keep"),
                health::keepHistory).styled("primary", "consent-choice");
        TouchButton anonymous = new TouchButton(KioskFlow.CONSENT_ANONYMOUS, model.text("health.consent.anonymous"),
                health::measureWithoutSaving).styled("consent-choice");
        HBox choices = new HBox(keep, anonymous);
        choices.getStyleClass().add("consent-choices");
        HBox.setHgrow(keep, Priority.ALWAYS);
        HBox.setHgrow(anonymous, Priority.ALWAYS);
        keep.setMaxWidth(Double.MAX_VALUE);
        anonymous.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(HealthLayout.label(model.text("health.consent.title"), "health-title"), facts, choices);
        content.getStyleClass().add("consent-content");
        content.setAlignment(Pos.TOP_LEFT);

        TouchButton delete = new TouchButton(KioskFlow.DELETE_MY_DATA, model.text("health.consent.delete"),
                health::deleteMyData).styled("secondary-action");
        root = HealthLayout.screen(Screen.HEALTH_CONSENT, model, "health-paper", content, delete);
    }

    public Node root() {
        return root;
    }

    private static Node fact(Node icon) {
        HBox box = new HBox(icon);
        box.getStyleClass().add("consent-icon");
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }
}
