package org.yizhan.kiosk.ui.home;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * The waiting screen: a large scan prompt in the chosen language with the other language beneath, the
 * moving scan hint, and big buttons for checking in without a pass, for the health check and for the
 * language. The centre's name and the clock are in the window's header above it.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class HomeView {

    private final BorderPane root;

    public HomeView(KioskViewModel model) {
        Label prompt = new Label();
        prompt.textProperty().bind(model.text("home.prompt"));
        prompt.getStyleClass().add("home-prompt");
        Label promptOther = new Label();
        promptOther.textProperty().bind(model.textInOtherLanguage("home.prompt"));
        promptOther.getStyleClass().add("home-prompt-other");
        Label hint = new Label();
        hint.textProperty().bind(model.text("home.hint"));
        hint.getStyleClass().add("home-hint");

        // The maintainers' notice (the fleet's notice command), above the prompt so nobody misses it.
        Label notice = new Label();
        notice.setId("home-notice");
        notice.textProperty().bind(model.noticeText());
        notice.getStyleClass().add("home-notice");
        notice.setWrapText(true);
        notice.visibleProperty().bind(model.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());

        VBox centre = new VBox(notice, prompt, promptOther, new ScanHint().root(), hint);
        centre.getStyleClass().add("home-centre");
        centre.setAlignment(Pos.CENTER);

        TouchButton walkIn = new TouchButton(KioskFlow.WALK_IN, model.text("home.walk-in"), model::checkInWithoutPass)
                .styled("primary", "walk-in-button");
        TouchButton health = new TouchButton(KioskFlow.HEALTH, model.text("home.health"), model.health()::start)
                .withIcon(Icons.heart(40), ContentDisplay.LEFT)
                .styled("health-button");
        HBox languages = new HBox(languageButton(model, Language.ZH).styled("toggle-start"),
                languageButton(model, Language.EN).styled("toggle-end"));
        languages.getStyleClass().add("language-toggle");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(walkIn, health, gap, languages);
        actions.getStyleClass().add("home-actions");
        actions.setAlignment(Pos.CENTER);

        root = new BorderPane(centre, null, null, actions, null);
        root.setId("screen-" + Screen.HOME.id());
        root.getStyleClass().addAll("screen", "home-screen");
    }

    public Node root() {
        return root;
    }

    private static TouchButton languageButton(KioskViewModel model, Language language) {
        return new TouchButton(KioskFlow.LANGUAGE_PREFIX + language.code(), model.text("language." + language.code()),
                () -> model.chooseLanguage(language))
                .styled("language-button")
                .selectedWhen(Bindings.createBooleanBinding(
                        () -> model.messagesProperty().get().language() == language, model.messagesProperty()));
    }
}
