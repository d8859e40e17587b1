package org.yizhan.kiosk.ui.enrolment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.yizhan.kiosk.enrolment.KioskEnrolment;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.ui.Messages;
import org.yizhan.kiosk.ui.scan.KeyboardWedge;

/**
 * What a blank kiosk's window shows: "scan the enrolment code" in Chinese and English, why a scan was refused,
 * and, once a code is accepted, the kiosk's new name for a moment before the kiosk itself starts. The
 * keyboard-wedge scanner types into it as into the kiosk's window. Both languages at once: nobody has chosen
 * one yet, and the maintainer holding the sheet may read either.
 *
 * <p>Threading: built and fed on the JavaFX thread; {@code enrol} runs on {@code worker} (it writes files) and
 * its outcome comes back through {@code ui}. {@link #enrolled()} completes once, with the accepted outcome.
 */
public final class EnrolmentScreen {

    private final Function<String, KioskEnrolment.Outcome> enrol;
    private final Executor worker;
    private final Executor ui;
    private final KeyboardWedge wedge = new KeyboardWedge();
    private final Messages zh = Messages.of(Language.ZH);
    private final Messages en = Messages.of(Language.EN);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(zh.text("enrolment.scan"));
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(en.text("enrolment.scan"));
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final CompletableFuture<KioskEnrolment.Enrolled> enrolled = new CompletableFuture<>();
    private boolean busy;

    public EnrolmentScreen(Function<String, KioskEnrolment.Outcome> enrol, Executor worker, Executor ui) {
        this.enrol = enrol;
        this.worker = worker;
        this.ui = ui;
    }

    public CompletableFuture<KioskEnrolment.Enrolled> enrolled() {
        return enrolled;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detail() {
        return detail.getReadOnlyProperty();
    }

    public void keyTyped(String characters, long nanoTime) {
        for (int i = 0; i < characters.length(); i++) {
            wedge.type(characters.charAt(i), nanoTime).ifPresent(this::scanned);
        }
    }

    /** A scan; ignored while the previous one is being checked or once the kiosk is enrolled. */
    public void scanned(String text) {
        if (busy || enrolled.isDone()) {
            return;
        }
        busy = true;
        CompletableFuture.supplyAsync(() -> enrol.apply(text), worker).whenCompleteAsync((outcome, failure) -> {
            busy = false;
            if (failure != null) {
                show("enrolment.failed", failure.getMessage());
            } else if (outcome instanceof KioskEnrolment.Enrolled done) {
                title.set(zh.text("enrolment.done") + done.code().name());
                subtitle.set(en.text("enrolment.done") + done.code().name());
                detail.set(done.code().kiosk() + " · " + done.code().brokerUrl());
                enrolled.complete(done);
            } else {
                KioskEnrolment.Refused refused = (KioskEnrolment.Refused) outcome;
                show("enrolment.refused." + refused.refusal().reason().code(), refused.refusal().message());
            }
        }, ui);
    }

    private void show(String key, String message) {
        title.set(zh.text(key));
        subtitle.set(en.text(key));
        detail.set(message);
    }

    /** The screen's scene, taking every key for the scanner as the kiosk's window does. */
    public Scene scene(double width, double height, String stylesheet, String fontFamily) {
        Scene scene = new Scene(root(fontFamily), width, height);
        scene.getStylesheets().add(stylesheet);
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> keyTyped(event.getCharacter(), System.nanoTime()));
        scene.addEventFilter(KeyEvent.ANY, Event::consume);
        return scene;
    }

    private Parent root(String fontFamily) {
        Label big = new Label();
        big.textProperty().bind(title);
        big.getStyleClass().add("home-prompt");
        big.setId("enrolment-title");
        Label other = new Label();
        other.textProperty().bind(subtitle);
        other.getStyleClass().add("home-prompt-other");
        Label small = new Label();
        small.textProperty().bind(detail);
        small.getStyleClass().add("home-hint");
        small.setWrapText(true);
        small.setId("enrolment-detail");
        VBox root = new VBox(24, big, other, small);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().addAll("screen", "home-screen");
        root.setStyle("-fx-font-family: \"" + fontFamily + "\";");
        return root;
    }
}
