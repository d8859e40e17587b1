package org.yizhan.protocol.birth;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The inventory a kiosk publishes (retained) on every connect and on a {@code resync} command: what it runs,
 * on what, with which devices. The fleet's kiosk list reads versions and devices from here.
 *
 * @param birthSeq              the connection, as in the online {@code state} it goes with
 * @param appVersion            the Yizhan version, e.g. {@code 0.1.0}
 * @param javaVersion           {@code java.version}, e.g. {@code 17.0.15}
 * @param os                    the distribution ({@code PRETTY_NAME} of {@code /etc/os-release}) or else
 *                              {@code os.name}
 * @param kernel                {@code os.version}, e.g. {@code 6.6.51+rpt-rpi-2712}; null when unknown
 * @param arch                  {@code os.arch}, e.g. {@code aarch64}
 * @param piModel               {@code /proc/device-tree/model}, e.g. {@code Raspberry Pi 5 Model B Rev 1.0};
 *                              null when not a Pi
 * @param piSerial              the board's serial number; null when not a Pi
 * @param siteName              the centre's display name; null when not configured
 * @param timeZone              the zone the kiosk counts "today" in, e.g. {@code Asia/Shanghai}; null when unknown
 * @param healthIntervalSeconds how often health is sent; the fleet calls a kiosk lost after two intervals
 *                              without one
 * @param devices               every configured peripheral
 */
public record Birth(
        @JsonUnwrapped Envelope envelope,
        long birthSeq,
        String appVersion,
        String javaVersion,
        String os,
        String kernel,
        String arch,
        String piModel,
        String piSerial,
        String siteName,
        String timeZone,
        int healthIntervalSeconds,
        List<DeviceInfo> devices) implements Message {

    public Birth {
        Objects.requireNonNull(envelope, "envelope");
        if (birthSeq < 1) {
            throw new IllegalArgumentException("birthSeq must be at least 1, not " + birthSeq);
        }
        Objects.requireNonNull(appVersion, "appVersion is missing");
        Objects.requireNonNull(javaVersion, "javaVersion is missing");
        Objects.requireNonNull(os, "os is missing");
        Objects.requireNonNull(arch, "arch is missing");
        if (healthIntervalSeconds < 1) {
            throw new IllegalArgumentException("healthIntervalSeconds must be positive, not " + healthIntervalSeconds);
        }
        devices = List.copyOf(Objects.requireNonNull(devices, "devices is missing"));
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.BIRTH;
    }
}
