package org.yizhan.fleet.alert;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert rules' thresholds, which rules are off, and where each rule's alerts are posted.
 *
 * @param lostAfter       how long a kiosk must be lost before the {@code lost} alert (default 5 minutes)
 * @param cpuHotCelsius   the {@code cpu-hot} limit (default 80 °C)
 * @param diskUsedPercent the {@code disk-full} limit on the data disk's used share (default 90 %)
 * @param disabled        rules that raise nothing
 * @param webhooks        per rule, an {@code http://} or {@code https://} address to POST its alerts to
 * @param webhookTimeout  how long one webhook request may take (default 5 s); it is tried once more on failure
 */
public record AlertSettings(Duration lostAfter, double cpuHotCelsius, double diskUsedPercent, Set<AlertRule> disabled,
        Map<AlertRule, URI> webhooks, Duration webhookTimeout) {

    public static final AlertSettings DEFAULTS = new AlertSettings(Duration.ofMinutes(5), 80.0, 90.0,
            Set.of(), Map.of(), Duration.ofSeconds(5));

    public AlertSettings {
        Objects.requireNonNull(lostAfter, "lostAfter");
        if (lostAfter.isNegative()) {
            throw new IllegalArgumentException("alert.lost-after must not be negative, not " + lostAfter);
        }
        if (diskUsedPercent <= 0 || diskUsedPercent > 100) {
            throw new IllegalArgumentException("alert.disk-used-percent is above 0 and at most 100, not "
                    + diskUsedPercent);
        }
        disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
        Map<AlertRule, URI> hooks = new EnumMap<>(AlertRule.class);
        webhooks.forEach((rule, uri) -> {
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("alert." + rule.code() + ".webhook '" + uri
                        + "' is not an http:// or https:// address");
            }
            hooks.put(rule, uri);
        });
        webhooks = Map.copyOf(hooks);
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        if (webhookTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the webhook timeout must be positive, not " + webhookTimeout);
        }
    }

    /** The rule named {@code code}, or an exception naming the known ones. */
    public static AlertRule rule(String code) {
        return AlertRule.fromCode(code).orElseThrow(() -> new IllegalArgumentException("'" + code
                + "' is not an alert rule; rules are " + Arrays.stream(AlertRule.values()).map(AlertRule::code)
                        .collect(Collectors.joining(", "))));
    }

    public boolean enabled(AlertRule rule) {
        return !disabled.contains(rule);
    }

    public AlertSettings withWebhook(AlertRule rule, URI uri) {
        Map<AlertRule, URI> hooks = new EnumMap<>(AlertRule.class);
        hooks.putAll(webhooks);
        hooks.put(rule, uri);
        return new AlertSettings(lostAfter, cpuHotCelsius, diskUsedPercent, disabled, hooks, webhookTimeout);
    }

    public AlertSettings withLostAfter(Duration after) {
        return new AlertSettings(after, cpuHotCelsius, diskUsedPercent, disabled, webhooks, webhookTimeout);
    }
}
