package org.yizhan.fleet.status;

/**
 * Where {@link KioskConditions} draws the lines. The defaults are the console's:
 * <ul>
 *   <li>lost after {@code 2} health intervals without a health message (the contract's rule);</li>
 *   <li>degraded at a CPU of {@code 80} °C or more (the Pi's firmware starts to throttle at 80–85 °C);</li>
 *   <li>degraded below {@code 10} % free on the data disk (the kiosk's SQLite and logs live there);</li>
 *   <li>degraded when the outbox is growing: its rows rose at each of the last three health messages and
 *       reached {@code 10} (so the ordinary 0 → 1 → 2 of a few events between two health messages is not
 *       called growing), or it holds {@code 1000} rows or more (a day of footfall is 96 rows: a thousand
 *       means hours without the broker's acknowledgements).</li>
 * </ul>
 *
 * @param lostAfterIntervals   health intervals of silence after which a kiosk is lost, at least 1
 * @param cpuHotCelsius        CPU temperature from which a kiosk is degraded
 * @param dataFreeLowPercent   free space on the data disk below which a kiosk is degraded
 * @param outboxGrowingMinRows the depth a rising outbox must reach to count as growing
 * @param outboxRowsLimit      the depth from which the outbox counts as growing, rising or not
 */
public record ConditionThresholds(int lostAfterIntervals, double cpuHotCelsius, double dataFreeLowPercent,
        long outboxGrowingMinRows, long outboxRowsLimit) {

    public static final ConditionThresholds DEFAULTS = new ConditionThresholds(2, 80.0, 10.0, 10, 1000);

    public ConditionThresholds {
        if (lostAfterIntervals < 1) {
            throw new IllegalArgumentException("lostAfterIntervals must be at least 1, not " + lostAfterIntervals);
        }
        if (dataFreeLowPercent < 0 || dataFreeLowPercent > 100) {
            throw new IllegalArgumentException("dataFreeLowPercent is 0-100, not " + dataFreeLowPercent);
        }
        if (outboxGrowingMinRows < 0 || outboxRowsLimit < 1) {
            throw new IllegalArgumentException("outbox thresholds must be positive");
        }
    }
}
