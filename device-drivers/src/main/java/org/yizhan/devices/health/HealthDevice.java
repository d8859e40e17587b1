package org.yizhan.devices.health;

/**
 * A blood pressure cuff, scale or thermometer of any kind: Bluetooth LE, USB serial, or simulated.
 *
 * <p>After {@link #start}, every characteristic value the device sends goes through
 * {@link Characteristic#decode} and reaches the listener exactly once, in the order it arrived: as
 * {@link MeasurementListener#measured} or as {@link MeasurementListener#rejected}. Listener calls for one
 * device never overlap; the real transports make them on the device's own thread, the simulated device on
 * the thread that hands it the bytes. A listener that throws is logged and the device carries on.
 *
 * <p>The device reports itself on the device status board under {@link #name()} from {@code start} on:
 * connected, degraded (a malformed frame or garbage from the link, until the next good frame; or a
 * transport fault the implementation names), or absent. A device that vanishes is looked for again until
 * it returns or is closed; it never ends by itself, and returns within seconds of coming back.
 *
 * <p>{@code start} is called once. {@link #close} stops delivery and releases the device; it may be
 * called from any thread, more than once, and delivers nothing afterwards.
 */
public interface HealthDevice extends AutoCloseable {

    /** The configured device name, as on the device status board, e.g. {@code bp}. */
    String name();

    void start(MeasurementListener listener);

    @Override
    void close();
}
