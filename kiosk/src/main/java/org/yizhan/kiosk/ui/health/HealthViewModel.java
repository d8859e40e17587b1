package org.yizhan.kiosk.ui.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.yizhan.devices.health.Measurement;
import org.yizhan.kiosk.config.HealthCheckConfig;
import org.yizhan.kiosk.flow.HealthResult;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.health.HealthAssessor;
import org.yizhan.kiosk.health.HealthTexts;
import org.yizhan.kiosk.ui.Messages;

/**
 * What the health check's screens show, in the window's language: the latest reading ({@link HealthResult})
 * with its category, advice and flags in words; why a reading or a pass was refused; the cuff's pressure
 * while it inflates; how many readings "delete my data" removed; and the centre's settings (retention, duty
 * phone). The health words (categories, advice, refusals, trends) are the health check's own
 * ({@link HealthTexts}, {@code health/advice_*.properties}); the screens' words are the window's
 * ({@code health.*} in {@link Messages}).
 *
 * <p>Privacy: the reading is forgotten as soon as the window leaves the health screens (home after the
 * result's timeout, the next person's scan) or a new measurement begins, so nothing of it stays on screen.
 * The cuff pressure is kept only while the guidance screen is shown.
 *
 * <p>Threading: UI thread only. The {@link org.yizhan.kiosk.ui.KioskViewModel} that owns this model hands
 * it the kiosk's events there ({@link #screenShown}, {@link #measured}, {@link #assessed}, {@link #refused},
 * {@link #deleted}).
 */
public final class HealthViewModel {

    /** The screens on which a reading may be on show; leaving them forgets it. */
    private static final Set<Screen> SHOWING_A_READING =
            EnumSet.of(Screen.HEALTH_MEASURING, Screen.HEALTH_RESULT, Screen.HEALTH_TREND, Screen.HEALTH_CRISIS);
    /** The flow's reason on the identify and delete screens when the scanned pass could not be used. */
    static final String PASS_REFUSED = "pass-refused";
    private static final String NOT_A_DIAGNOSIS = "advice.not-a-diagnosis";
    private static final String MEASURE_AGAIN = "advice.measure-again";
    private static final String FLAG_PREFIX = "advice.flag.";
    private static final String CRISIS = "advice.crisis";
    private static final String BLOOD_PRESSURE = "blood-pressure";
    private static final String WEIGHT = "weight";
    private static final String TEMPERATURE = "temperature";

    private final ObservableValue<Messages> messages;
    private final ObservableValue<ScreenState> screen;
    private final Consumer<String> tap;
    private final HealthCheckConfig settings;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<HealthResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<BigDecimal> cuffPressure = new ReadOnlyObjectWrapper<>(this, "cuffPressure");
    private final ReadOnlyObjectWrapper<Integer> deletedReadings = new ReadOnlyObjectWrapper<>(this, "deletedReadings");
    private Screen shownBefore;

    private final ObjectBinding<HealthTexts> texts;
    private final BooleanBinding readingRefused;
    private final BooleanBinding passRefused;
    private final BooleanBinding trendAvailable;
    private final BooleanBinding hasDetail;
    private final BooleanBinding hasCategory;
    private final BooleanBinding hasFlags;
    private final BooleanBinding hasDutyPhone;
    private final StringBinding refusal;
    private final StringBinding kindName;
    private final StringBinding value;
    private final StringBinding unit;
    private final StringBinding detail;
    private final StringBinding categoryName;
    private final ObjectBinding<List<String>> styleClasses;
    private final StringBinding advice;
    private final StringBinding measureAgain;
    private final ObjectBinding<List<String>> flagLines;
    private final StringBinding notADiagnosis;
    private final StringBinding trendWords;
    private final StringBinding cuffPressureText;
    private final StringBinding crisisAdvice;
    private final StringBinding dutyPhoneText;
    private final StringBinding retentionText;
    private final StringBinding deletedText;

    /**
     * @param messages the window's words, which follow its language
     * @param screen   the screen shown, as the flow last announced it
     * @param tap      forwards a button id to the kiosk
     * @param settings the centre's health check settings: retention and duty phone
     * @param zone     the kiosk's time zone, for the dates on the trend chart
     */
    public HealthViewModel(ObservableValue<Messages> messages, ObservableValue<ScreenState> screen,
            Consumer<String> tap, HealthCheckConfig settings, ZoneId zone) {
        this.messages = messages;
        this.screen = screen;
        this.tap = tap;
        this.settings = settings;
        this.zone = zone;

        texts = Bindings.createObjectBinding(() -> HealthTexts.of(messages.getValue().language().locale()), messages);
        readingRefused = Bindings.createBooleanBinding(
                () -> screen.getValue().screen() == Screen.HEALTH_RESULT && screen.getValue().reason() != null, screen);
        passRefused = Bindings.createBooleanBinding(
                () -> PASS_REFUSED.equals(screen.getValue().reason()), screen);
        trendAvailable = Bindings.createBooleanBinding(() -> result.get() != null && result.get().stored(), result);
        hasDetail = Bindings.createBooleanBinding(() -> !detailOf(result.get(), messages.getValue()).isEmpty(),
                result, messages);
        hasCategory = Bindings.createBooleanBinding(() -> result.get() != null && result.get().category() != null,
                result);
        hasFlags = Bindings.createBooleanBinding(() -> result.get() != null && !result.get().flags().isEmpty(), result);
        hasDutyPhone = Bindings.createBooleanBinding(() -> dutyPhone() != null);

        refusal = Bindings.createStringBinding(() -> readingRefused.get()
                ? refusalWords(screen.getValue().reason()) : "", readingRefused, screen, texts);
        kindName = Bindings.createStringBinding(() -> result.get() == null ? ""
                : optionalText("health.kind." + result.get().kind(), "health.kind.unknown"), result, messages);
        value = Bindings.createStringBinding(() -> valueOf(result.get()), result);
        unit = Bindings.createStringBinding(() -> result.get() == null ? ""
                : optionalText("health.unit." + result.get().kind(), "health.unit.unknown"), result, messages);
        detail = Bindings.createStringBinding(() -> detailOf(result.get(), messages.getValue()), result, messages);
        categoryName = Bindings.createStringBinding(() -> {
            HealthResult r = result.get();
            if (r == null || r.category() == null) {
                return "";
            }
            return healthText("name." + r.kind() + "." + r.category(), null);
        }, result, texts);
        styleClasses = Bindings.createObjectBinding(() -> styleClassesOf(result.get()), result);
        advice = Bindings.createStringBinding(() -> {
            HealthResult r = result.get();
            if (r == null) {
                return "";
            }
            List<String> paragraphs = new ArrayList<>();
            for (String key : r.advice()) {
                if (!key.equals(NOT_A_DIAGNOSIS) && !key.equals(MEASURE_AGAIN) && !key.startsWith(FLAG_PREFIX)
                        && !key.equals(CRISIS)) {
                    paragraphs.add(healthText(key, ""));
                }
            }
            paragraphs.removeIf(String::isEmpty);
            return String.join("\n", paragraphs);
        }, result, texts);
        measureAgain = Bindings.createStringBinding(() -> healthText(MEASURE_AGAIN, ""), texts);
        flagLines = Bindings.createObjectBinding(() -> {
            HealthResult r = result.get();
            if (r == null) {
                return List.of();
            }
            // Every flag in words, with "please measure again" before them: one the health words do not know yet
            // still gets a general line, so no flag goes untold.
            return r.flags().stream()
                    .map(flag -> healthText(FLAG_PREFIX + flag, messages.getValue().text("health.flag.unknown")))
                    .toList();
        }, result, texts, messages);
        notADiagnosis = Bindings.createStringBinding(
                () -> healthText(NOT_A_DIAGNOSIS, messages.getValue().text("health.not-a-diagnosis")), texts, messages);
        trendWords = Bindings.createStringBinding(() -> {
            HealthResult r = result.get();
            if (r == null) {
                return "";
            }
            if (r.trend() == null) {
                return messages.getValue().text("health.trend.none");
            }
            // The trend compares with the earlier readings, at most the assessor's number of them.
            int earlier = Math.min(Math.max(r.history().size() - 1, HealthAssessor.MIN_TREND_READINGS),
                    HealthAssessor.TREND_READINGS);
            return healthText("trend." + r.trend(), messages.getValue().text("health.trend.none"))
                    .replace("{0}", String.valueOf(earlier));
        }, result, texts, messages);
        cuffPressureText = Bindings.createStringBinding(() -> cuffPressure.get() == null ? ""
                : messages.getValue().format("health.measuring.pressure-value",
                        cuffPressure.get().setScale(0, RoundingMode.HALF_UP).toPlainString()), cuffPressure, messages);
        crisisAdvice = Bindings.createStringBinding(
                () -> healthText(CRISIS, messages.getValue().text("health.crisis.message")), texts, messages);
        dutyPhoneText = Bindings.createStringBinding(() -> dutyPhone() == null ? "" : dutyPhone());
        retentionText = Bindings.createStringBinding(() -> messages.getValue().format("health.consent.retention",
                String.valueOf(retentionDays())), messages);
        deletedText = Bindings.createStringBinding(() -> {
            Integer n = deletedReadings.get();
            if (n == null) {
                return "";
            }
            if (n == 0) {
                return messages.getValue().text("health.deleted.none");
            }
            return n == 1 ? messages.getValue().text("health.deleted.one")
                    : messages.getValue().format("health.deleted.many", String.valueOf(n));
        }, deletedReadings, messages);
    }

    /** The flow showed a screen: a reading no longer on show is forgotten, a new measurement starts afresh. */
    public void screenShown(ScreenState state) {
        Screen now = state.screen();
        if (!SHOWING_A_READING.contains(now)) {
            result.set(null);
        }
        if (now != Screen.HEALTH_MEASURING || shownBefore != Screen.HEALTH_MEASURING) {
            // Measuring again, or leaving the guidance: the gauge starts from nothing. A language switch
            // re-shows the same screen and keeps it.
            cuffPressure.set(null);
        }
        if (now == Screen.HEALTH_MEASURING && shownBefore != Screen.HEALTH_MEASURING) {
            result.set(null);
        }
        if (now != Screen.HEALTH_DELETED) {
            deletedReadings.set(null);
        }
        shownBefore = now;
    }

    /** A device reported: the cuff's pressure while it inflates feeds the gauge on the guidance screen. */
    public void measured(Measurement measurement) {
        if (measurement instanceof Measurement.IntermediateCuffPressure pressure
                && screen.getValue().screen() == Screen.HEALTH_MEASURING) {
            cuffPressure.set(pressure.pressure().mmHg());
        }
    }

    /** A reading was judged; its screen follows. */
    public void assessed(HealthResult assessed) {
        result.set(assessed);
        cuffPressure.set(null);
    }

    /** A reading was refused; the result screen says why, from the screen's reason. */
    public void refused() {
        result.set(null);
        cuffPressure.set(null);
    }

    /** "Delete my data" removed {@code readings} readings. */
    public void deleted(int readings) {
        deletedReadings.set(readings);
    }

    public void start() {
        tap.accept(KioskFlow.HEALTH);
    }

    public void keepHistory() {
        tap.accept(KioskFlow.CONSENT_KEEP);
    }

    public void measureWithoutSaving() {
        tap.accept(KioskFlow.CONSENT_ANONYMOUS);
    }

    public void deleteMyData() {
        tap.accept(KioskFlow.DELETE_MY_DATA);
    }

    public void confirmDelete() {
        tap.accept(KioskFlow.CONFIRM_DELETE);
    }

    public void showTrend() {
        tap.accept(KioskFlow.TREND);
    }

    public void measureAgain() {
        tap.accept(KioskFlow.MEASURE_AGAIN);
    }

    /** The reading on show (result, trend, crisis); null when none. */
    public ReadOnlyObjectProperty<HealthResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The cuff's latest pressure in mmHg while it inflates on the guidance screen; null before the first. */
    public ReadOnlyObjectProperty<BigDecimal> cuffPressureProperty() {
        return cuffPressure.getReadOnlyProperty();
    }

    /** How many readings "delete my data" removed, on the deleted screen; else null. */
    public ReadOnlyObjectProperty<Integer> deletedReadingsProperty() {
        return deletedReadings.getReadOnlyProperty();
    }

    /** The result screen shows a refused reading (the screen's reason is the refusal code). */
    public BooleanBinding readingRefused() {
        return readingRefused;
    }

    /** On the identify or delete screen: the pass just scanned could not be used. */
    public BooleanBinding passRefused() {
        return passRefused;
    }

    /** The reading is kept for the resident, so their trend can be shown. */
    public BooleanBinding trendAvailable() {
        return trendAvailable;
    }

    public BooleanBinding hasDetail() {
        return hasDetail;
    }

    public BooleanBinding hasCategory() {
        return hasCategory;
    }

    public BooleanBinding hasFlags() {
        return hasFlags;
    }

    public BooleanBinding hasDutyPhone() {
        return hasDutyPhone;
    }

    /** Why the reading was refused, with what to do, in plain words. */
    public StringBinding refusal() {
        return refusal;
    }

    /** What was measured: 血压 / Blood pressure. */
    public StringBinding kindName() {
        return kindName;
    }

    /** The reading's main number: {@code 128/82}, {@code 65.2}, {@code 36.8}. */
    public StringBinding value() {
        return value;
    }

    public StringBinding unit() {
        return unit;
    }

    /** Beside the number: the pulse, or the BMI and height; empty when there is none. */
    public StringBinding detail() {
        return detail;
    }

    public StringBinding categoryName() {
        return categoryName;
    }

    /**
     * The style classes that colour the reading: {@code kind-<kind>} and {@code level-<code>}, where the code is
     * the blood pressure's grade (an isolated systolic reading takes its grade's colour), the BMI band, the
     * temperature's category, or {@code none}.
     */
    public ObjectBinding<List<String>> styleClasses() {
        return styleClasses;
    }

    /** The category's advice, a paragraph a line. */
    public StringBinding advice() {
        return advice;
    }

    /** "This reading may not be accurate: please measure again", before the flags. */
    public StringBinding measureAgainWords() {
        return measureAgain;
    }

    /** Each condition the cuff reported, in words. */
    public ObjectBinding<List<String>> flagLines() {
        return flagLines;
    }

    /** "A single reading is not a diagnosis", on every result. */
    public StringBinding notADiagnosis() {
        return notADiagnosis;
    }

    /** The trend against the resident's earlier readings, or that there are not enough yet. */
    public StringBinding trendWords() {
        return trendWords;
    }

    public StringBinding cuffPressureText() {
        return cuffPressureText;
    }

    public StringBinding crisisAdvice() {
        return crisisAdvice;
    }

    /** The centre's duty phone; empty when none is configured. */
    public StringBinding dutyPhoneText() {
        return dutyPhoneText;
    }

    /** "Kept for 180 days, then deleted by itself", from the configured retention. */
    public StringBinding retentionText() {
        return retentionText;
    }

    public StringBinding deletedText() {
        return deletedText;
    }

    /** The label of a point on the trend chart: its local date, with the time when the day has two. */
    public String pointLabel(Instant at, boolean withTime) {
        Messages words = messages.getValue();
        ZonedDateTime local = at.atZone(zone);
        String date = local.format(DateTimeFormatter.ofPattern(words.text("health.trend.date"),
                words.language().locale()));
        return withTime ? date + "\n" + local.format(DateTimeFormatter.ofPattern("HH:mm")) : date;
    }

    /** The local date of a reading, to tell whether two fall on one day. */
    public String localDay(Instant at) {
        return at.atZone(zone).toLocalDate().toString();
    }

    /** The names of the lines on the trend chart for the reading's kind: systolic and diastolic, or one. */
    public List<String> chartValues() {
        HealthResult r = result.get();
        if (r == null) {
            return List.of();
        }
        switch (r.kind()) {
            case BLOOD_PRESSURE:
                return List.of("systolic", "diastolic");
            case WEIGHT:
                return List.of(WEIGHT);
            case TEMPERATURE:
                return List.of(TEMPERATURE);
            default:
                return List.of();
        }
    }

    /** A line's name in the chart's legend. */
    public String valueName(String value) {
        return optionalText("health.value." + value, "health.kind.unknown");
    }

    /** A value as the screen writes it: whole mmHg without decimals, kg and °C to 0.1. */
    public static String number(String value, double amount) {
        switch (value) {
            case "systolic":
            case "diastolic":
            case "pulse":
                return wholeOrTenths(amount);
            case "height":
                return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).toPlainString();
            default:
                return BigDecimal.valueOf(amount).setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
    }

    private String dutyPhone() {
        return settings.dutyPhone() == null || settings.dutyPhone().isBlank() ? null : settings.dutyPhone();
    }

    private long retentionDays() {
        Duration retention = settings.retention();
        long days = retention.toDays();
        return retention.equals(Duration.ofDays(days)) ? Math.max(days, 1) : days + 1;
    }

    private static String valueOf(HealthResult r) {
        if (r == null) {
            return "";
        }
        Map<String, Double> v = r.values();
        switch (r.kind()) {
            case BLOOD_PRESSURE:
                return v.containsKey("systolic") && v.containsKey("diastolic")
                        ? number("systolic", v.get("systolic")) + "/" + number("diastolic", v.get("diastolic")) : "";
            case WEIGHT:
                return v.containsKey(WEIGHT) ? number(WEIGHT, v.get(WEIGHT)) : "";
            case TEMPERATURE:
                return v.containsKey(TEMPERATURE) ? number(TEMPERATURE, v.get(TEMPERATURE)) : "";
            default:
                return "";
        }
    }

    private static String detailOf(HealthResult r, Messages words) {
        if (r == null) {
            return "";
        }
        Map<String, Double> v = r.values();
        if (BLOOD_PRESSURE.equals(r.kind()) && v.containsKey("pulse")) {
            return words.format("health.detail.pulse", number("pulse", v.get("pulse")));
        }
        if (WEIGHT.equals(r.kind()) && v.containsKey("bmi")) {
            String bmi = words.format("health.detail.bmi", number("bmi", v.get("bmi")));
            return v.containsKey("height")
                    ? bmi + "   " + words.format("health.detail.height", number("height", v.get("height"))) : bmi;
        }
        return "";
    }

    private static List<String> styleClassesOf(HealthResult r) {
        if (r == null) {
            return List.of("level-none");
        }
        String level = BLOOD_PRESSURE.equals(r.kind()) ? r.grade() : r.category();
        return List.of("kind-" + r.kind(), "level-" + (level == null ? "none" : level));
    }

    private static String wholeOrTenths(double amount) {
        BigDecimal tenths = BigDecimal.valueOf(amount).setScale(1, RoundingMode.HALF_UP);
        return tenths.stripTrailingZeros().scale() <= 0 ? tenths.setScale(0).toPlainString() : tenths.toPlainString();
    }

    private String refusalWords(String reason) {
        String fallback = optionalText("health.refused." + reason, "health.refused.unknown");
        return healthText("refused." + reason, fallback);
    }

    /** A health word; {@code fallback} when the health check has none for the key (a code newer than this window). */
    private String healthText(String key, String fallback) {
        try {
            return texts.get().text(key);
        } catch (MissingResourceException e) {
            return fallback == null ? "" : fallback;
        }
    }

    private String optionalText(String key, String fallbackKey) {
        Messages words = messages.getValue();
        try {
            return words.text(key);
        } catch (MissingResourceException e) {
            return words.text(fallbackKey);
        }
    }
}
