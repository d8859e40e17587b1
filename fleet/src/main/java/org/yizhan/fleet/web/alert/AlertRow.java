package org.yizhan.fleet.web.alert;

import java.time.Instant;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.fleet.web.page.TimeText;

/**
 * An alert as the pages show it.
 *
 * @param id                its number, for the acknowledge form
 * @param rule              the rule's name in the page's language (its code when the bundle has none)
 * @param ruleCode          the rule's code
 * @param kiosk             {@code site/kiosk}
 * @param kioskHref         the kiosk's page
 * @param message           the rule's English line with the measured value
 * @param raisedLocal       when it was raised, in the fleet's zone
 * @param raisedAgo         how long ago
 * @param cleared           when its cause went away, or empty while it lasts
 * @param open              not yet acknowledged
 * @param acknowledgedLocal when it was acknowledged, or empty
 * @param acknowledgedBy    by whom, or empty
 */
public record AlertRow(long id, String rule, String ruleCode, String kiosk, String kioskHref, String message,
        String raisedLocal, String raisedAgo, String cleared, boolean open, String acknowledgedLocal,
        String acknowledgedBy) {

    public static AlertRow of(Alert alert, Messages messages, TimeText time, Instant now) {
        return new AlertRow(alert.id(), messages.codeText("rule.", alert.rule()), alert.rule(),
                alert.kiosk().toString(), "/kiosks/" + alert.kiosk().site() + "/" + alert.kiosk().kiosk(),
                alert.message(), time.local(alert.raised()), time.ago(alert.raised(), now), time.local(alert.cleared()),
                alert.open(), time.local(alert.acknowledged()),
                alert.acknowledgedBy() == null ? "" : alert.acknowledgedBy());
    }
}
