package org.yizhan.kiosk.ui.health;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.home.ScanHint;

/**
 * "Scan your own pass", with the moving scan hint of the home screen beside the words: to say whose reading it is
 * ({@code health-identify}), or whose readings to delete ({@code health-delete}). When the pass just scanned
 * could not be used (the flow's reason {@code pass-refused}), a red-framed line says so and the resident may
 * scan again. There is nothing to type.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class ScanPassView {

    private final BorderPane root;

    /** @param prefix {@code health.identify} or {@code health.delete}: the keys of its title and message */
    public ScanPassView(KioskViewModel model, Screen screen, String prefix) {
        Label refused = HealthLayout.shownWhen(
                HealthLayout.label(model.text("health.pass-refused"), "health-notice"), model.health().passRefused());
        refused.setId(screen.id() + "-refused");
        VBox words = new VBox(HealthLayout.label(model.text(prefix + ".title"), "health-title"),
                HealthLayout.label(model.text(prefix + ".message"), "health-message"), refused);
        words.getStyleClass().add("scan-pass-words");
        words.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox content = new HBox(words, new ScanHint().root());
        content.getStyleClass().add("scan-pass-content");
        content.setAlignment(Pos.CENTER);
        content.setFillHeight(false);
        root = HealthLayout.screen(screen, model, "health-paper", content);
    }

    public Node root() {
        return root;
    }
}
