package org.yizhan.fleet.view;

/**
 * How a kiosk is doing, as the console judges it from what it has received.
 *
 * <ul>
 *   <li>{@link #LOST}: its will said offline (and no newer birth superseded it), or no {@code health} arrived
 *       within two of its health intervals.</li>
 *   <li>{@link #DEGRADED}: it reports, but something needs a look: a device absent, the data disk nearly full,
 *       the Pi hot or under-volted, or its outbox growing.</li>
 *   <li>{@link #ONLINE}: it reports and nothing is wrong.</li>
 * </ul>
 * Lost wins over degraded: a kiosk that stopped talking cannot be trusted to be merely degraded.
 */
public enum KioskCondition {
    ONLINE("online"),
    DEGRADED("degraded"),
    LOST("lost");

    private final String code;

    KioskCondition(String code) {
        this.code = code;
    }

    /** The lower-case code used in the JSON API, URLs and metrics. */
    public String code() {
        return code;
    }
}
