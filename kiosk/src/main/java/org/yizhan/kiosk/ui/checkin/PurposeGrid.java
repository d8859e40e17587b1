package org.yizhan.kiosk.ui.checkin;

import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.ui.Icons;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.TouchButton;

/**
 * The six purpose buttons, three to a row, each an icon and a word; tap ids {@code purpose-<code>}.
 *
 * <p>Threading: JavaFX thread only.
 */
final class PurposeGrid {

    private static final int COLUMNS = 3;

    private PurposeGrid() {
    }

    /** @param selected for each purpose, when its button shows as chosen; null for none */
    static GridPane of(KioskViewModel model, Function<Purpose, ObservableBooleanValue> selected) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("purpose-grid");
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        Purpose[] purposes = Purpose.values();
        for (int i = 0; i < purposes.length; i++) {
            Purpose purpose = purposes[i];
            TouchButton button = new TouchButton(KioskFlow.PURPOSE_PREFIX + purpose.code(), model.purposeName(purpose),
                    () -> model.choosePurpose(purpose))
                    .withIcon(Icons.purpose(purpose, 44), ContentDisplay.LEFT)
                    .styled("purpose-button");
            if (selected != null) {
                button.selectedWhen(selected.apply(purpose));
            }
            button.setMaxWidth(Double.MAX_VALUE);
            grid.add(button, i % COLUMNS, i / COLUMNS);
        }
        return grid;
    }
}
