package org.yizhan.kiosk.ui.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.yizhan.kiosk.flow.HealthResult;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.Messages;

/**
 * A resident's last readings of one kind as a line chart, oldest on the left, each point labelled with its
 * value and the axis with its date (and time, when a day has two): systolic and diastolic as two lines for
 * a blood pressure, one line otherwise. Above it, the trend in words against their earlier readings. Redrawn
 * whenever the reading or the language changes; empty when no reading is on show.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class TrendView {

    private final BorderPane root;
    private final HealthViewModel health;
    private final NumberAxis dates = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(dates, values);
    private List<String> labels = List.of();

    public TrendView(KioskViewModel model) {
        this.health = model.health();
        dates.setAutoRanging(false);
        dates.setTickUnit(1);
        dates.setMinorTickVisible(false);
        dates.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                double at = index.doubleValue();
                int i = (int) Math.round(at) - 1;
                return Math.abs(at - Math.rint(at)) < 1e-6 && i >= 0 && i < labels.size() ? labels.get(i) : "";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the chart's dates are not typed in");
            }
        });
        values.setForceZeroInRange(false);
        values.setMinorTickVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.setAlternativeRowFillVisible(false);
        chart.getStyleClass().add("trend-chart");
        chart.setId("trend-chart");
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label words = HealthLayout.label(health.trendWords(), "trend-words");
        words.setId("trend-words");
        VBox content = new VBox(HealthLayout.label(model.text("health.trend.title"), "health-title", "trend-title"),
                words, chart);
        content.getStyleClass().add("trend-content");
        content.setAlignment(Pos.TOP_LEFT);
        root = HealthLayout.screen(Screen.HEALTH_TREND, model, "health-paper", content);

        health.resultProperty().addListener((o, old, result) -> draw(result, model.messagesProperty().get()));
        model.messagesProperty().addListener((o, old, messages) -> draw(health.resultProperty().get(), messages));
        draw(health.resultProperty().get(), model.messagesProperty().get());
    }

    public Node root() {
        return root;
    }

    private void draw(HealthResult result, Messages messages) {
        chart.getData().clear();
        labels = List.of();
        if (result == null) {
            return;
        }
        List<HealthResult.Point> points = result.history().isEmpty()
                ? List.of(new HealthResult.Point(result.at(), result.values()))
                : result.history();
        Map<String, Integer> perDay = new HashMap<>();
        points.forEach(p -> perDay.merge(health.localDay(p.at()), 1, Integer::sum));
        labels = points.stream().map(p -> health.pointLabel(p.at(), perDay.get(health.localDay(p.at())) > 1)).toList();
        dates.setLowerBound(0.5);
        dates.setUpperBound(points.size() + 0.5);

        List<String> lines = health.chartValues();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int line = 0; line < lines.size(); line++) {
            String name = lines.get(line);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(health.valueName(name));
            for (int i = 0; i < points.size(); i++) {
                Double v = points.get(i).values().get(name);
                if (v == null) {
                    continue;
                }
                low = Math.min(low, v);
                high = Math.max(high, v);
                XYChart.Data<Number, Number> data = new XYChart.Data<>(i + 1, v);
                // The first line's values above its points, the second's below, so two close lines stay legible.
                data.setNode(point(HealthViewModel.number(name, v), line == 0));
                series.getData().add(data);
            }
            chart.getData().add(series);
        }
        // Room above and below for the values written beside the points.
        if (low <= high) {
            double margin = Math.max(5, (high - low) * 0.25);
            values.setAutoRanging(false);
            double step = tick(high - low + 2 * margin);
            values.setTickUnit(step);
            values.setLowerBound(Math.floor((low - margin) / step) * step);
            values.setUpperBound(Math.ceil((high + margin) / step) * step);
        }
        values.setLabel(messages.text("health.unit." + result.kind()));
    }

    /** A round step giving four to eight ticks over {@code span}. */
    private static double tick(double span) {
        for (double step : new double[] {0.5, 1, 2, 5, 10, 20, 25, 50}) {
            if (span / step <= 8) {
                return step;
            }
        }
        return 100;
    }

    private static Node point(String value, boolean above) {
        Circle dot = new Circle(9);
        dot.getStyleClass().add("trend-dot");
        Label label = new Label(value);
        label.getStyleClass().add("trend-value");
        label.setTranslateY(above ? -34 : 34);
        // The chart centres the node on the point, and the stack centres the dot in the node.
        return new StackPane(dot, label);
    }
}
