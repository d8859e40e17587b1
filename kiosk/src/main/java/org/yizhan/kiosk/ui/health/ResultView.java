package org.yizhan.kiosk.ui.health;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * A reading, large: the numbers on the left (systolic/diastolic with the pulse; the weight with BMI and height;
 * the temperature), and on the right its category in words, plain advice, each condition the cuff reported
 * with "please measure again", and always "a single reading is not a diagnosis". The screen takes the
 * category's colour from the stylesheet ({@code .level-normal} green … {@code .level-grade-3} red; see
 * {@link HealthViewModel#styleClasses()}). "My trend" ({@code trend}) is there only when the reading was kept.
 *
 * <p>The words take a denser type ({@code .dense}) when they do not fit at the usual size, and scroll as a last
 * resort, so that the buttons always stay on the screen.
 *
 * <p>A refused reading shows instead why, in plain words, on amber, with "measure again"
 * ({@code measure-again}); nothing of it was kept.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class ResultView {

    private static final String DENSE = "dense";

    private final BorderPane root;
    private final VBox words;
    private final ScrollPane scroll;

    public ResultView(KioskViewModel model) {
        HealthViewModel health = model.health();

        Label value = HealthLayout.label(health.value(), "reading-value");
        value.setId("reading-value");
        value.setWrapText(false);
        Label detail = HealthLayout.shownWhen(HealthLayout.label(health.detail(), "reading-detail"), health.hasDetail());
        detail.setId("reading-detail");
        VBox numbers = new VBox(HealthLayout.label(health.kindName(), "reading-kind"), value,
                HealthLayout.label(health.unit(), "reading-unit"), detail);
        numbers.getStyleClass().add("reading-numbers");
        numbers.setAlignment(Pos.CENTER_LEFT);

        Label category = HealthLayout.shownWhen(HealthLayout.label(health.categoryName(), "reading-category"),
                health.hasCategory());
        category.setId("reading-category");
        Label advice = HealthLayout.label(health.advice(), "reading-advice");
        advice.setId("reading-advice");
        VBox flags = new VBox();
        flags.setId("reading-flags");
        flags.getStyleClass().add("reading-flags");
        HealthLayout.shownWhen(flags, health.hasFlags());
        Label measureAgain = HealthLayout.label(health.measureAgainWords(), "flag-intro");
        health.flagLines().addListener((o, old, lines) -> showFlags(flags, measureAgain, lines));
        showFlags(flags, measureAgain, health.flagLines().get());
        Label diagnosis = HealthLayout.label(health.notADiagnosis(), "not-a-diagnosis");
        diagnosis.setId("not-a-diagnosis");
        words = new VBox(category, advice, flags, diagnosis);
        words.getStyleClass().add("reading-words");
        words.setAlignment(Pos.CENTER_LEFT);
        // The last resort for the most a reading can have to say (three flags, in English): the words scroll
        // under a finger rather than push the buttons off the screen.
        ScrollPane scroll = new ScrollPane(words);
        scroll.getStyleClass().add("reading-scroll");
        scroll.setFitToWidth(true);
        // At least the view's height, so that short words sit in the middle; longer ones scroll. (Not fitToHeight,
        // which would squeeze wrapped lines into the view instead.)
        words.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setPannable(true);
        scroll.setFocusTraversable(false);
        scroll.setMinHeight(0);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        this.scroll = scroll;

        HBox assessed = new HBox(numbers, scroll);
        assessed.setId("reading-assessed");
        assessed.getStyleClass().add("reading-content");
        assessed.setAlignment(Pos.CENTER_LEFT);
        HealthLayout.shownWhen(assessed, Bindings.not(health.readingRefused()));

        Label refusal = HealthLayout.label(health.refusal(), "health-message");
        refusal.setId("reading-refusal");
        VBox refused = new VBox(Icons.warningBadge(140), HealthLayout.label(model.text("health.refused.title"),
                "health-title"), refusal);
        refused.getStyleClass().add("health-centred");
        refused.setAlignment(Pos.CENTER);
        HealthLayout.shownWhen(refused, health.readingRefused());

        TouchButton trend = new TouchButton(KioskFlow.TREND, model.text("health.result.trend"), health::showTrend)
                .withIcon(Icons.counts(40), ContentDisplay.LEFT)
                .styled("result-action");
        HealthLayout.shownWhen(trend, health.trendAvailable().and(Bindings.not(health.readingRefused())));
        TouchButton again = new TouchButton(KioskFlow.MEASURE_AGAIN, model.text("health.measure-again"),
                health::measureAgain).styled("result-action");

        root = HealthLayout.screen(Screen.HEALTH_RESULT, model, "health-coloured", new StackPane(assessed, refused),
                again, trend);
        ObservableValue<List<String>> levels = Bindings.createObjectBinding(() -> health.readingRefused().get()
                ? List.of("level-refused") : health.styleClasses().get(), health.readingRefused(), health.styleClasses());
        levels.addListener((o, old, classes) -> colour(classes));
        colour(levels.getValue());
        // The listener alone would let the binding be collected; the root keeps it.
        root.getProperties().put(ResultView.class, levels);

        // Dense type when the words do not fit at the screen's usual size; tried afresh for every reading.
        health.resultProperty().addListener((o, old, result) -> root.getStyleClass().remove(DENSE));
        model.messagesProperty().addListener((o, old, messages) -> root.getStyleClass().remove(DENSE));
        scroll.viewportBoundsProperty().addListener((o, old, bounds) -> fit());
        words.heightProperty().addListener((o, old, height) -> fit());
    }

    private void fit() {
        double room = scroll.getViewportBounds().getHeight();
        if (room > 0 && !root.getStyleClass().contains(DENSE)
                && words.prefHeight(scroll.getViewportBounds().getWidth()) > room + 0.5) {
            root.getStyleClass().add(DENSE);
        }
    }

    public Node root() {
        return root;
    }

    private void colour(List<String> classes) {
        root.getStyleClass().removeIf(style -> style.startsWith("level-") || style.startsWith("kind-"));
        root.getStyleClass().addAll(classes);
    }

    private static void showFlags(VBox flags, Label intro, List<String> lines) {
        flags.getChildren().setAll(intro);
        for (String line : lines) {
            Label flag = new Label(line);
            flag.getStyleClass().add("flag-line");
            flag.setWrapText(true);
            flag.setGraphic(Icons.exclamationBadge(34));
            flag.setMinHeight(Label.USE_PREF_SIZE);
            flags.getChildren().add(flag);
        }
    }
}
