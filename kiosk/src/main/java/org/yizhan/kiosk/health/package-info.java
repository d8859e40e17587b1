/**
 * The health check's domain and storage: what a blood pressure, weight or temperature reading means, the
 * words for it, and a consenting resident's history. No screens, no flow, no I/O but SQLite.
 *
 * <p>The flow's path through it, on the kiosk thread:
 * <ol>
 * <li>{@link org.yizhan.kiosk.health.HealthRecords#residentHistory} for a resident who chose to keep their
 * history (else {@link org.yizhan.kiosk.health.ResidentHistory#NONE});</li>
 * <li>{@link org.yizhan.kiosk.health.HealthAssessor#assess}: an {@code Assessed} reading (values, category,
 * crisis, flags, trend, advice keys) or a {@code Refused} one (a reason; never stored);</li>
 * <li>with consent, {@link org.yizhan.kiosk.health.HealthRecords#store}; always, the anonymous count by kind
 * and category ({@code Outbox.countMeasurement(kind, category, at)});</li>
 * <li>{@link org.yizhan.kiosk.health.HealthTexts} for the words, in Chinese or English.</li>
 * </ol>
 * "Delete my data" is {@link org.yizhan.kiosk.health.HealthRecords#deleteAll}; retention is
 * {@link org.yizhan.kiosk.health.HealthRecords#purgeOlderThan}.
 */
package org.yizhan.kiosk.health;
