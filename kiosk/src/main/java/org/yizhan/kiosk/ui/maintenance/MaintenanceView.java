package org.yizhan.kiosk.ui.maintenance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * The maintenance screen: a card per device in two columns — a badge and a word for its state (green ✓
 * connected, amber ! degraded, red ✗ absent; never colour alone), since when and for how long, and its
 * last error — then this kiosk's id, version and today's visits beside the back button. Cards are in the
 * order of {@link MaintenanceViewModel#devices}, devices needing attention first; a card changes in place
 * when its device does, and moves when its device joins or leaves that group. More devices than fit
 * scroll, by dragging a finger.
 *
 * <p>Node ids, for tests: {@code device-<name>} for a card, with {@code .device-state}, {@code .device-since}
 * and {@code .device-error} labels inside; the card has the pseudo-class of its state.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class MaintenanceView {

    private static final Map<DeviceState, PseudoClass> STATES = Map.of(
            DeviceState.CONNECTED, PseudoClass.getPseudoClass("connected"),
            DeviceState.DEGRADED, PseudoClass.getPseudoClass("degraded"),
            DeviceState.ABSENT, PseudoClass.getPseudoClass("absent"));
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");
    private static final double BADGE = 46;

    private final BorderPane root;
    private final GridPane cards = new GridPane();
    private final Map<String, Node> cardOfDevice = new HashMap<>();

    public MaintenanceView(KioskViewModel model) {
        MaintenanceViewModel maintenance = model.maintenance();

        Label summary = label(maintenance.summary(), "maintenance-summary");
        maintenance.needingAttentionProperty().addListener(
                (o, old, count) -> summary.pseudoClassStateChanged(ATTENTION, count.intValue() > 0));
        summary.pseudoClassStateChanged(ATTENTION, maintenance.needingAttentionProperty().get() > 0);
        HBox top = new HBox(label(model.text("maintenance.title"), "maintenance-title"), summary);
        top.getStyleClass().add("maintenance-top");
        top.setAlignment(Pos.BASELINE_LEFT);

        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        cards.getColumnConstraints().addAll(half, half);
        cards.getStyleClass().add("device-cards");
        maintenance.devices().addListener((ListChangeListener<DeviceRow>) change -> layOut(maintenance.devices()));
        layOut(maintenance.devices());
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Like every control of the window, it never takes focus (see TouchButton).
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("device-scroll");

        TouchButton back = new TouchButton(KioskFlow.HOME, model.text("common.back"), model::goHome)
                .withIcon(Icons.back(34), ContentDisplay.LEFT)
                .styled("back-button");
        HBox versionAndVisits = new HBox(label(maintenance.version(), "maintenance-fact"),
                label(maintenance.visitsTodayText(), "maintenance-visits"));
        versionAndVisits.getStyleClass().add("maintenance-fact-line");
        versionAndVisits.setAlignment(Pos.BASELINE_RIGHT);
        VBox facts = new VBox(label(maintenance.kiosk(), "maintenance-fact"), versionAndVisits);
        facts.getStyleClass().add("maintenance-facts");
        facts.setAlignment(Pos.CENTER_RIGHT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(back, gap, facts);
        actions.getStyleClass().add("maintenance-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new BorderPane(scroll, top, null, actions, null);
        root.setId("screen-" + Screen.MAINTENANCE.id());
        root.getStyleClass().addAll("screen", "maintenance-screen");
    }

    public Node root() {
        return root;
    }

    /** Row by row, two cards to a row, in the order the devices were first reported. */
    private void layOut(List<DeviceRow> rows) {
        cards.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            DeviceRow row = rows.get(i);
            cards.add(cardOfDevice.computeIfAbsent(row.device(), device -> card(row)), i % 2, i / 2);
        }
    }

    private static Node card(DeviceRow row) {
        StackPane badge = new StackPane();
        badge.getStyleClass().add("device-badge");
        badge.setAlignment(Pos.TOP_CENTER);
        Label name = label(row.name(), "device-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label configured = label(row.configuredName(), "device-id");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label state = label(row.stateWord(), "device-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(name, configured, gap, state);
        title.getStyleClass().add("device-title");
        title.setAlignment(Pos.BASELINE_LEFT);
        Label error = label(row.lastError(), "device-error");
        error.setWrapText(true);
        error.visibleProperty().bind(row.lastError().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox text = new VBox(title, label(row.since(), "device-since"), error);
        text.getStyleClass().add("device-text");
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox card = new HBox(badge, text);
        card.setId("device-" + row.device());
        card.getStyleClass().add("device-card");
        card.setAlignment(Pos.TOP_LEFT);
        showState(card, badge, row.state().get());
        row.state().addListener((o, old, now) -> showState(card, badge, now));
        return card;
    }

    private static void showState(Node card, StackPane badge, DeviceState state) {
        badge.getChildren().setAll(switch (state) {
            case CONNECTED -> Icons.checkBadge(BADGE);
            case DEGRADED -> Icons.exclamationBadge(BADGE);
            case ABSENT -> Icons.crossBadge(BADGE);
        });
        STATES.forEach((s, pseudoClass) -> card.pseudoClassStateChanged(pseudoClass, s == state));
    }

    private static Label label(ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
