package org.yizhan.kiosk.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.ui.checkin.AlreadyCheckedInView;
import org.yizhan.kiosk.ui.checkin.OutOfOrderView;
import org.yizhan.kiosk.ui.checkin.RejectedView;
import org.yizhan.kiosk.ui.checkin.ThanksView;
import org.yizhan.kiosk.ui.checkin.WalkInView;
import org.yizhan.kiosk.ui.checkin.WelcomeView;
import org.yizhan.kiosk.ui.health.ConsentView;
import org.yizhan.kiosk.ui.health.CrisisView;
import org.yizhan.kiosk.ui.health.DeleteConfirmView;
import org.yizhan.kiosk.ui.health.DeletedView;
import org.yizhan.kiosk.ui.health.MeasuringView;
import org.yizhan.kiosk.ui.health.ResultView;
import org.yizhan.kiosk.ui.health.ScanPassView;
import org.yizhan.kiosk.ui.health.TimeoutView;
import org.yizhan.kiosk.ui.health.TrendView;
import org.yizhan.kiosk.ui.home.HomeView;
import org.yizhan.kiosk.ui.maintenance.MaintenanceView;

/**
 * The whole window: a header with the centre's name and a live clock, and below it the view of the
 * kiosk's current screen. Each screen's view is built once; showing a screen puts its view in the
 * window (only the current one is in the scene graph, so its node ids are unique) and gives the root
 * the style class {@code on-<screen id>}, from which the stylesheet takes the screen's colours.
 *
 * <p>Holding the header for {@link #MAINTENANCE_HOLD} on the home screen opens the maintenance screen;
 * a shorter touch, or a hold on any other screen, does nothing (docs/headless.md, "Buttons").
 *
 * <p>Threading: JavaFX thread only. The clock ticks once a second while the view is in a scene.
 */
public final class KioskView {

    /**
     * How long a maintainer holds the header to open the maintenance screen: long enough that a visitor
     * resting a hand on the screen does not, short enough to find by being told. The same on every kiosk,
     * so that what a maintainer learns once works on all of them.
     */
    public static final Duration MAINTENANCE_HOLD = Duration.seconds(3);

    private final BorderPane root;
    private final StackPane content = new StackPane();
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);

    public KioskView(KioskViewModel model) {
        screens.put(Screen.HOME, new HomeView(model).root());
        screens.put(Screen.WELCOME, new WelcomeView(model).root());
        screens.put(Screen.ALREADY_CHECKED_IN, new AlreadyCheckedInView(model).root());
        screens.put(Screen.REJECTED, new RejectedView(model).root());
        screens.put(Screen.WALK_IN, new WalkInView(model).root());
        screens.put(Screen.THANKS, new ThanksView(model).root());
        screens.put(Screen.OUT_OF_ORDER, new OutOfOrderView(model).root());
        screens.put(Screen.MAINTENANCE, new MaintenanceView(model).root());
        screens.put(Screen.HEALTH_CONSENT, new ConsentView(model).root());
        screens.put(Screen.HEALTH_IDENTIFY, new ScanPassView(model, Screen.HEALTH_IDENTIFY, "health.identify").root());
        screens.put(Screen.HEALTH_MEASURING, new MeasuringView(model).root());
        screens.put(Screen.HEALTH_RESULT, new ResultView(model).root());
        screens.put(Screen.HEALTH_TREND, new TrendView(model).root());
        screens.put(Screen.HEALTH_CRISIS, new CrisisView(model).root());
        screens.put(Screen.HEALTH_TIMEOUT, new TimeoutView(model).root());
        screens.put(Screen.HEALTH_DELETE, new ScanPassView(model, Screen.HEALTH_DELETE, "health.delete").root());
        screens.put(Screen.HEALTH_DELETE_CONFIRM, new DeleteConfirmView(model).root());
        screens.put(Screen.HEALTH_DELETED, new DeletedView(model).root());

        content.getStyleClass().add("screen-host");
        root = new BorderPane(content, header(model), null, null, null);
        root.getStyleClass().add("kiosk");
        model.screenProperty().addListener((o, old, state) -> show(state));
        show(model.screenProperty().get());

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                model.tick();
                clock.play();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    private void show(ScreenState state) {
        Node view = screens.get(state.screen());
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != view) {
            content.getChildren().setAll(view);
        }
        root.getStyleClass().removeIf(style -> style.startsWith("on-"));
        root.getStyleClass().add("on-" + state.screen().id());
    }

    private static Node header(KioskViewModel model) {
        Label site = new Label(model.siteName());
        site.getStyleClass().add("site-name");
        site.setMinWidth(Region.USE_PREF_SIZE);
        Label date = new Label();
        date.textProperty().bind(model.date());
        date.getStyleClass().add("clock-date");
        Label time = new Label();
        time.textProperty().bind(model.time());
        time.getStyleClass().add("clock-time");
        HBox clock = new HBox(date, time);
        clock.getStyleClass().add("clock");
        clock.setAlignment(Pos.BASELINE_RIGHT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(site, gap, clock);
        header.setId("header");
        header.getStyleClass().add("header");
        LongPress.install(header, MAINTENANCE_HOLD, model::openMaintenance);
        header.setAlignment(Pos.CENTER_LEFT);
        // Otherwise the clock's box fills the header's height and its baseline row sits at the top.
        header.setFillHeight(false);
        return header;
    }
}
