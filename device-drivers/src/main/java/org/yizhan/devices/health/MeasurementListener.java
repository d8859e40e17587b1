package org.yizhan.devices.health;

/** Receives what a {@link HealthDevice} sends, decoded. Calls for one device never overlap. */
public interface MeasurementListener {

    /** A frame decoded into a plausible reading. */
    void measured(Measurement measurement);

    /** A frame that gave no reading: malformed, no value, or implausible; the rejection says why and carries the bytes. */
    void rejected(FrameRejection rejection);
}
