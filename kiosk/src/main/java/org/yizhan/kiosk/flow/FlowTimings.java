package org.yizhan.kiosk.flow;

import java.time.Duration;

/**
 * How long each screen stays before the window returns home by itself.
 *
 * @param result  welcome, already-checked-in, rejected and out-of-order screens; also how long a visitor
 *                may choose a purpose after checking in
 * @param walkIn  the walk-in purpose choice, when nobody taps
 * @param thanks  the thank-you after a purpose is chosen
 * @param maintenance the maintenance screen, so a maintainer who walks away leaves the kiosk to visitors
 */
public record FlowTimings(Duration result, Duration walkIn, Duration thanks, Duration maintenance) {
}
