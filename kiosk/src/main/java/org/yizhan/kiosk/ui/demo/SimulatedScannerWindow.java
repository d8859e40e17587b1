package org.yizhan.kiosk.ui.demo;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.yizhan.kiosk.KioskAssembly;

/**
 * A small window beside the demo kiosk that stands in for a QR scanner: each button presents one code
 * to the kiosk exactly as a scanner would, so the demo can be tried without hardware. It is part of the
 * demo only; a kiosk never shows it.
 *
 * <p>Threading: JavaFX thread only.
 */
public final class SimulatedScannerWindow {

    private SimulatedScannerWindow() {
    }

    public static Stage show(KioskAssembly kiosk, List<SimulatedScan> scans, Stage beside) {
        Label title = new Label("模拟扫码枪 · Simulated scanner");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        VBox box = new VBox(10, title);
        box.setPadding(new Insets(16));
        for (SimulatedScan scan : scans) {
            Button button = new Button(scan.label());
            button.setMaxWidth(Double.MAX_VALUE);
            button.setStyle("-fx-font-size: 15px; -fx-padding: 10 14;");
            button.setFocusTraversable(false);
            button.setOnAction(event -> kiosk.scan(scan.text()));
            box.getChildren().add(button);
        }
        Stage stage = new Stage();
        stage.setTitle("Yizhan demo scanner");
        double width = 300;
        stage.setScene(new Scene(box, width, 90 + 52 * scans.size()));
        // Beside the kiosk where the screen is wide enough, else over its right edge.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(Math.min(beside.getX() + beside.getWidth() + 8, screen.getMaxX() - width - 8));
        stage.setY(beside.getY() + 40);
        stage.show();
        return stage;
    }
}
