package org.yizhan.fleet.web.page;

import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.message.DeviceState;

/**
 * A condition or state as the pages show it: a CSS class for its colour, a symbol whose shape differs, and its
 * word. Colour is never the only cue, for colour-blind maintainers and grey-scale printouts.
 *
 * @param code   the lower-case code, also the CSS class ({@code online}, {@code degraded}, {@code lost})
 * @param symbol a shape that tells the states apart without colour
 * @param text   the word in the page's language
 */
public record ConditionLabel(String code, String symbol, String text) {

    public static ConditionLabel of(KioskCondition condition, Messages messages) {
        return new ConditionLabel(condition.code(), symbol(condition), messages.text("condition." + condition.code()));
    }

    public static ConditionLabel of(DeviceState state, Messages messages) {
        KioskCondition like = state == DeviceState.CONNECTED ? KioskCondition.ONLINE
                : state == DeviceState.DEGRADED ? KioskCondition.DEGRADED : KioskCondition.LOST;
        return new ConditionLabel(like.code(), symbol(like), messages.text("device-state." + state.code()));
    }

    public static ConditionLabel of(Severity severity, Messages messages) {
        KioskCondition like = severity == Severity.INFO ? KioskCondition.ONLINE
                : severity == Severity.WARNING ? KioskCondition.DEGRADED : KioskCondition.LOST;
        return new ConditionLabel(like.code(), severity == Severity.INFO ? "ℹ" : symbol(like),
                messages.text("severity." + severity.code()));
    }

    private static String symbol(KioskCondition condition) {
        return switch (condition) {
            case ONLINE -> "●";
            case DEGRADED -> "▲";
            case LOST -> "✕";
        };
    }
}
