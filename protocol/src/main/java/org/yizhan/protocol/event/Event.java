package org.yizhan.protocol.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * An alert or a change on a kiosk. {@link #kind} is an open code: the documented ones are the constants
 * here, and a reader shows an unknown kind by its message rather than drop it. Events never carry personal
 * data: no pass subject, no name, no reading tied to a visitor.
 *
 * @param kind     what happened, a lower-case code such as {@link #DEVICE_STATUS}
 * @param severity info, warning or error
 * @param message  one line for a maintainer, in English, with the measured value where there is one
 * @param device   the configured device it concerns; null when none
 * @param details  machine-readable specifics (JSON values), per kind; empty when none
 */
public record Event(
        @JsonUnwrapped Envelope envelope,
        String kind,
        Severity severity,
        String message,
        String device,
        Map<String, Object> details) implements Message {

    /** A device changed state. details: {@code state} (connected|degraded|absent), {@code error}. */
    public static final String DEVICE_STATUS = "device-status";
    /** The system probe found a problem. details: {@code problem} (e.g. cpu-hot, under-voltage-now), {@code value}. */
    public static final String SYSTEM_PROBLEM = "system-problem";
    /** The outbox passed its warning level. details: {@code rows}, {@code bytes}, {@code maxRows}, {@code maxBytes}. */
    public static final String OUTBOX_NEAR_FULL = "outbox-near-full";
    /** Many rejected scans in a short time. details: {@code count}, {@code windowSeconds}, {@code reasons} (code to count). */
    public static final String CHECK_IN_REJECTED_BURST = "check-in-rejected-burst";
    /** A dangerous blood pressure reading (≥180 systolic or ≥110 diastolic). details: {@code grade}. */
    public static final String CRISIS_READING = "crisis-reading";
    /** Someone pressed the help button. */
    public static final String HELP_BUTTON = "help-button";
    /** The kiosk application started. details: {@code previousExit} (e.g. clean, crash, watchdog, power-loss). */
    public static final String APP_STARTED = "app-started";
    /** A setting changed by a config-set command. details: {@code key}, {@code value}, {@code command}. */
    public static final String CONFIG_CHANGED = "config-changed";

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Event {
        Objects.requireNonNull(envelope, "envelope");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be a code of a-z, 0-9 and '-'");
        }
        Objects.requireNonNull(severity, "severity is missing");
        Objects.requireNonNull(message, "message is missing");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.EVENTS;
    }
}
