package org.yizhan.kiosk.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;

/**
 * A button for a finger: large (sized by {@code .touch-button} in the stylesheet), and never focused.
 * A keyboard-wedge scanner ends every code with Enter, which would fire a focused button; so no button
 * takes focus, by touch or by keyboard. Its node id is the kiosk's button id (see
 * {@link org.yizhan.kiosk.flow.KioskFlow}), which is also how tests find it.
 *
 * <p>Threading: a control; create and use it on the JavaFX thread.
 */
public final class TouchButton extends Button {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    // Holds the binding given to selectedWhen: JavaFX bindings listen weakly and would otherwise be collected.
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    public TouchButton(String id, ObservableValue<String> text, Runnable onTap) {
        setId(id);
        textProperty().bind(text);
        getStyleClass().add("touch-button");
        setFocusTraversable(false);
        setWrapText(true);
        setOnAction(event -> onTap.run());
        selected.addListener((o, was, is) -> pseudoClassStateChanged(SELECTED, is));
    }

    /** Marks the button {@code :selected} (the chosen language, the recorded purpose) while the value is true. */
    public TouchButton selectedWhen(ObservableBooleanValue value) {
        selected.bind(value);
        pseudoClassStateChanged(SELECTED, selected.get());
        return this;
    }

    public TouchButton withIcon(Node icon, ContentDisplay where) {
        setGraphic(icon);
        setContentDisplay(where);
        return this;
    }

    public TouchButton styled(String... styleClasses) {
        getStyleClass().addAll(styleClasses);
        return this;
    }
}
