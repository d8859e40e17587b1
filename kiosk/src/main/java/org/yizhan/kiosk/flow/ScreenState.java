package org.yizhan.kiosk.flow;

import java.util.Objects;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * Everything the window needs to draw the current screen; the headless mode prints the same.
 *
 * @param category the visitor's category code on welcome and already-checked-in, else {@code null}
 * @param reason   the rejection code on the rejected screen, else {@code null}
 * @param purpose  the recorded purpose on welcome and thanks, else {@code null}
 */
public record ScreenState(Screen screen, Language language, String category, String reason, Purpose purpose) {

    public ScreenState {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(language, "language");
    }

    public static ScreenState of(Screen screen, Language language) {
        return new ScreenState(screen, language, null, null, null);
    }

    public ScreenState inLanguage(Language other) {
        return new ScreenState(screen, other, category, reason, purpose);
    }
}
