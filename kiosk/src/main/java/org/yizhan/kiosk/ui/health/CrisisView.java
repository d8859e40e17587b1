package org.yizhan.kiosk.ui.health;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * A dangerous blood pressure (systolic ≥ 180 or diastolic ≥ 110): red, "please seek care now", the reading,
 * what to do, and the phones to call in large figures: the centre's duty phone when one is configured
 * ({@code health.duty-phone}), and always 120. Still "a single reading is not a diagnosis", in small type.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class CrisisView {

    private final BorderPane root;

    public CrisisView(KioskViewModel model) {
        HealthViewModel health = model.health();
        Label reading = HealthLayout.label(Bindings.concat(health.value(), " ", health.unit()), "crisis-reading");
        reading.setId("crisis-reading");
        Label advice = HealthLayout.label(health.crisisAdvice(), "crisis-advice");
        Node duty = HealthLayout.shownWhen(phone(model.text("health.crisis.duty-phone"), health.dutyPhoneText(),
                "duty-phone"), health.hasDutyPhone());
        Node emergency = phone(model.text("health.crisis.emergency"), model.text("health.crisis.emergency-number"),
                "emergency-phone");
        HBox phones = new HBox(duty, emergency);
        phones.getStyleClass().add("crisis-phones");
        phones.setAlignment(Pos.CENTER);

        VBox headingWords = new VBox(HealthLayout.label(model.text("health.crisis.title"), "health-title",
                "crisis-title"), reading);
        headingWords.getStyleClass().add("crisis-heading-words");
        HBox heading = new HBox(Icons.warningBadge(100), headingWords);
        heading.getStyleClass().add("crisis-heading");
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(heading, advice, phones,
                HealthLayout.label(health.notADiagnosis(), "not-a-diagnosis"));
        content.getStyleClass().add("crisis-content");
        content.setAlignment(Pos.CENTER_LEFT);
        root = HealthLayout.screen(Screen.HEALTH_CRISIS, model, "health-coloured", content);
    }

    public Node root() {
        return root;
    }

    private static Node phone(ObservableValue<String> what, ObservableValue<String> number, String id) {
        Label numberLabel = HealthLayout.label(number, "phone-number");
        numberLabel.setId(id);
        VBox card = new VBox(HealthLayout.label(what, "phone-what"), numberLabel);
        card.getStyleClass().add("phone-card");
        HBox withIcon = new HBox(Icons.phone(64), card);
        withIcon.getStyleClass().add("phone-box");
        withIcon.setAlignment(Pos.CENTER_LEFT);
        return withIcon;
    }
}
