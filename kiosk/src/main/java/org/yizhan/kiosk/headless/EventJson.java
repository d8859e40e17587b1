package org.yizhan.kiosk.headless;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.checkin.CheckInOutcome;
import org.yizhan.kiosk.flow.HealthResult;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.visitlog.Visit;

/**
 * The JSON shape of each kiosk event in the headless stream, documented in {@code docs/headless.md}.
 * Keys keep their order so that lines read well; absent values are left out, except on
 * {@code check-in}, whose four keys are always there.
 */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> of(KioskEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (event instanceof KioskEvent.Ready) {
            json.put("event", "ready");
        } else if (event instanceof KioskEvent.ScreenShown shown) {
            ScreenState s = shown.state();
            json.put("event", "screen");
            json.put("screen", s.screen().id());
            json.put("language", s.language().code());
            putIfPresent(json, "category", s.category());
            putIfPresent(json, "reason", s.reason());
            putIfPresent(json, "purpose", s.purpose() == null ? null : s.purpose().code());
        } else if (event instanceof KioskEvent.CheckedIn checkedIn) {
            json.put("event", "check-in");
            checkIn(json, checkedIn.outcome());
        } else if (event instanceof KioskEvent.PurposeChosen chosen) {
            json.put("event", "purpose");
            json.put("visitId", chosen.visitId());
            json.put("purpose", chosen.purpose().code());
        } else if (event instanceof KioskEvent.Failure failure) {
            json.put("event", "error");
            json.put("message", failure.message());
        } else if (event instanceof KioskEvent.DeviceChanged changed) {
            DeviceStatus status = changed.status();
            json.put("event", "device");
            json.put("device", status.device());
            json.put("state", status.state().code());
            putIfPresent(json, "error", status.lastError());
            json.put("since", status.since().toString());
        } else if (event instanceof KioskEvent.Measured measured) {
            json.put("event", "measurement");
            json.put("device", measured.device());
            json.put("characteristic", measured.measurement().characteristic().hexId());
            json.put("result", "measured");
            MeasurementJson.put(json, measured.measurement());
        } else if (event instanceof KioskEvent.MeasurementRejected rejected) {
            FrameRejection rejection = rejected.rejection();
            json.put("event", "measurement");
            json.put("device", rejected.device());
            json.put("characteristic", rejection.characteristic().hexId());
            json.put("result", "rejected");
            json.put("reason", rejection.reason());
            json.put("kind", rejection.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            json.put("bytes", rejection.hexBytes());
        } else if (event instanceof KioskEvent.EntrySensed entry) {
            json.put("event", "entry");
            json.put("at", entry.at().toString());
            json.put("count", entry.count());
        } else if (event instanceof KioskEvent.HelpRequested help) {
            json.put("event", "help");
            json.put("press", help.longPress() ? "long" : "short");
            json.put("at", help.at().toString());
        } else if (event instanceof KioskEvent.BrokerConnection connection) {
            json.put("event", "mqtt");
            json.put("state", connection.connected() ? "connected" : "disconnected");
            putIfPresent(json, "detail", connection.detail());
        } else if (event instanceof KioskEvent.OutboxPending outbox) {
            json.put("event", "outbox");
            json.put("pending", outbox.pending());
        } else if (event instanceof KioskEvent.CommandAnswered answered) {
            json.put("event", "command");
            json.put("name", answered.name());
            json.put("outcome", answered.outcome());
            putIfPresent(json, "reason", answered.reason());
            json.put("message", answered.message());
        } else if (event instanceof KioskEvent.NoticeShown shown) {
            json.put("event", "notice");
            json.put("state", "shown");
            json.put("zh", shown.notice().zh());
            putIfPresent(json, "en", shown.notice().en());
            json.put("until", shown.notice().until().toString());
        } else if (event instanceof KioskEvent.NoticeCleared) {
            json.put("event", "notice");
            json.put("state", "cleared");
        } else if (event instanceof KioskEvent.HealthAssessed assessed) {
            HealthResult r = assessed.result();
            json.put("event", "measurement");
            json.put("result", "assessed");
            json.put("kind", r.kind());
            json.putAll(new TreeMap<>(r.values()));
            putIfPresent(json, "category", r.category());
            putIfPresent(json, "grade", r.grade());
            json.put("crisis", r.crisis());
            json.put("flags", r.flags());
            json.put("stored", r.stored());
            putIfPresent(json, "trend", r.trend());
        } else if (event instanceof KioskEvent.HealthRefused refused) {
            json.put("event", "measurement");
            json.put("result", "refused");
            json.put("kind", refused.kind());
            json.put("reason", refused.reason());
            json.put("detail", refused.detail());
            json.put("stored", false);
        } else if (event instanceof KioskEvent.HealthAlert alert) {
            json.put("event", "alert");
            json.put("kind", alert.kind());
            putIfPresent(json, "category", alert.category());
        } else if (event instanceof KioskEvent.HealthDataDeleted deleted) {
            json.put("event", "health-data-deleted");
            json.put("readings", deleted.readings());
        } else if (event instanceof KioskEvent.LargeTextChanged largeText) {
            json.put("event", "large-text");
            json.put("on", largeText.on());
        }
        return json;
    }

    private static void checkIn(Map<String, Object> json, CheckInOutcome outcome) {
        if (outcome instanceof CheckInOutcome.Accepted accepted) {
            Visit visit = accepted.visit();
            json.put("result", "accepted");
            json.put("reason", null);
            json.put("category", visit.category());
            json.put("visitId", visit.id());
            json.put("purpose", visit.purpose().code());
        } else if (outcome instanceof CheckInOutcome.Duplicate duplicate) {
            json.put("result", "duplicate");
            json.put("reason", null);
            json.put("category", duplicate.earlier().category());
            json.put("visitId", duplicate.earlier().id());
        } else if (outcome instanceof CheckInOutcome.Rejected rejected) {
            json.put("result", "rejected");
            json.put("reason", rejected.reason().code());
            json.put("category", null);
            json.put("visitId", null);
            json.put("detail", rejected.detail());
        }
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
