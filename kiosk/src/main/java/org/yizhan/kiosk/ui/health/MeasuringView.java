package org.yizhan.kiosk.ui.health;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.ParallelTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;

/**
 * The guidance while the resident measures: four pictures with a line each (sit; rest five minutes; the cuff
 * on the left upper arm, level with the heart; do not talk), what to press, and the progress: the cuff's
 * pressure as a number and a bar when the cuff sends it (0x2A36), else three dots pulsing while the kiosk
 * waits. The flow's measure timeout ends the wait.
 *
 * <p>The dots pulse only while the screen is in a scene, so the Pi's CPU rests on other screens. Threading:
 * JavaFX thread only.
 */
public final class MeasuringView {

    /** The gauge's full scale: a cuff inflates to about 30–40 mmHg above the systolic, rarely past 260. */
    private static final double GAUGE_MMHG = 300;

    private final BorderPane root;
    private final Animation waiting;

    public MeasuringView(KioskViewModel model) {
        HealthViewModel health = model.health();
        HBox steps = new HBox(
                step(Icons.sitting(120), model.text("health.measuring.sit")),
                step(Icons.resting(120), model.text("health.measuring.rest")),
                step(Icons.cuffAtHeartHeight(120), model.text("health.measuring.cuff")),
                step(Icons.quiet(120), model.text("health.measuring.quiet")));
        steps.getStyleClass().add("measuring-steps");
        steps.setAlignment(Pos.TOP_CENTER);

        HBox dots = new HBox();
        dots.getStyleClass().add("waiting-dots");
        dots.setAlignment(Pos.CENTER);
        ParallelTransition pulse = new ParallelTransition();
        for (int i = 0; i < 3; i++) {
            Circle dot = new Circle(11);
            dot.getStyleClass().add("waiting-dot");
            dots.getChildren().add(dot);
            FadeTransition fade = new FadeTransition(Duration.seconds(0.7), dot);
            fade.setFromValue(1.0);
            fade.setToValue(0.15);
            fade.setAutoReverse(true);
            fade.setCycleCount(2);
            fade.setDelay(Duration.millis(230 * i));
            pulse.getChildren().add(fade);
        }
        pulse.setCycleCount(Animation.INDEFINITE);
        waiting = pulse;
        ObservableValue<Boolean> hasPressure = health.cuffPressureProperty().isNotNull();
        HBox waitingRow = new HBox(dots, HealthLayout.label(model.text("health.measuring.waiting"), "measuring-status"));
        waitingRow.getStyleClass().add("measuring-progress-row");
        waitingRow.setAlignment(Pos.CENTER);
        HealthLayout.shownWhen(waitingRow, health.cuffPressureProperty().isNull());

        Label pressure = HealthLayout.label(health.cuffPressureText(), "measuring-pressure");
        pressure.setId("cuff-pressure");
        ProgressBar gauge = new ProgressBar();
        gauge.getStyleClass().add("pressure-gauge");
        gauge.progressProperty().bind(Bindings.createDoubleBinding(() -> health.cuffPressureProperty().get() == null
                ? 0 : Math.min(1, health.cuffPressureProperty().get().doubleValue() / GAUGE_MMHG),
                health.cuffPressureProperty()));
        gauge.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(gauge, Priority.ALWAYS);
        HBox pressureRow = new HBox(HealthLayout.label(model.text("health.measuring.pressure"), "measuring-status"),
                pressure, gauge);
        pressureRow.getStyleClass().add("measuring-progress-row");
        pressureRow.setAlignment(Pos.CENTER);
        HealthLayout.shownWhen(pressureRow, hasPressure);

        VBox content = new VBox(HealthLayout.label(model.text("health.measuring.title"), "health-title"), steps,
                HealthLayout.label(model.text("health.measuring.start"), "health-message"),
                new StackPane(waitingRow, pressureRow));
        content.getStyleClass().add("measuring-content");
        content.setAlignment(Pos.TOP_CENTER);
        root = HealthLayout.screen(Screen.HEALTH_MEASURING, model, "health-paper", content);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                waiting.stop();
            } else {
                waiting.play();
            }
        });
    }

    public Node root() {
        return root;
    }

    private static Node step(Node picture, ObservableValue<String> caption) {
        StackPane frame = new StackPane(picture);
        frame.getStyleClass().add("step-picture");
        VBox step = new VBox(frame, HealthLayout.label(caption, "step-caption"));
        step.getStyleClass().add("measuring-step");
        step.setAlignment(Pos.TOP_CENTER);
        // Equal columns: each step grows from the same small width, whatever the length of its words.
        HBox.setHgrow(step, Priority.ALWAYS);
        step.setMinWidth(0);
        step.setPrefWidth(1);
        step.setMaxWidth(Double.MAX_VALUE);
        return step;
    }
}
