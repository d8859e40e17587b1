package org.yizhan.kiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.yizhan.kiosk.checkin.CheckInPolicy;
import org.yizhan.kiosk.devices.DevicesConfig;
import org.yizhan.kiosk.flow.FlowTimings;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.telemetry.TelemetryConfig;
import org.yizhan.protocol.topic.KioskId;

/**
 * The kiosk's whole configuration, read once at start by {@link KioskConfigFile} and immutable after.
 *
 * @param siteId             the centre this kiosk belongs to; passes are accepted from any trusted key
 * @param siteName           shown on the home screen
 * @param kioskId            unique within the site
 * @param dataDir            where the visit log and logs live
 * @param trustedPassKeys    JWKS files of the keys whose passes this kiosk accepts
 * @param revocationList     revoked passes; may not exist (then none are revoked)
 * @param passClockSkew      how far the kiosk's clock may be off from the issuer's
 * @param zone               the kiosk's time zone, for "today"
 * @param devices            the peripherals and how to reach them
 * @param telemetry          the broker, and what is published how often
 * @param health             the health check: retention, the duty phone, its timeouts
 */
public record KioskConfig(
        String siteId,
        String siteName,
        String kioskId,
        Path dataDir,
        List<Path> trustedPassKeys,
        Path revocationList,
        Duration passClockSkew,
        CheckInPolicy checkIn,
        FlowTimings timings,
        Language language,
        boolean largeText,
        ZoneId zone,
        DevicesConfig devices,
        TelemetryConfig telemetry,
        HealthCheckConfig health) {

    public KioskConfig {
        trustedPassKeys = List.copyOf(trustedPassKeys);
    }

    public Path visitLogFile() {
        return dataDir.resolve("kiosk.db");
    }

    /** Settings the fleet changed with {@code config-set}, which override the configuration file. */
    public Path remoteSettingsFile() {
        return dataDir.resolve(RemoteSettings.FILE_NAME);
    }

    public KioskId kiosk() {
        return new KioskId(siteId, kioskId);
    }

    /** The same configuration with other telemetry settings, e.g. the demo's embedded broker. */
    public KioskConfig withTelemetry(TelemetryConfig other) {
        return new KioskConfig(siteId, siteName, kioskId, dataDir, trustedPassKeys, revocationList, passClockSkew,
                checkIn, timings, language, largeText, zone, devices, other, health);
    }
}
