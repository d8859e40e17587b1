package org.yizhan.fleet.web.alert;

import java.time.Instant;
import org.yizhan.fleet.view.Alert;

/** An alert in the JSON API ({@code Alert} in openapi.yaml). */
public record AlertJson(long id, String rule, String kiosk, String message, Instant raised, Instant cleared,
        Instant acknowledged, String acknowledgedBy, boolean open) {

    public static AlertJson of(Alert alert) {
        return new AlertJson(alert.id(), alert.rule(), alert.kiosk().toString(), alert.message(), alert.raised(),
                alert.cleared(), alert.acknowledged(), alert.acknowledgedBy(), alert.open());
    }
}
