package org.yizhan.devices.entry;

/**
 * A sensor at the entrance that counts people coming in: a PIR motion sensor or an IR break-beam.
 *
 * <p>Its level is debounced ({@code gpio.entry.debounce}): a change counts only once it has held for the
 * window, so a bouncing contact or a spike on the cable is not an entry. Each change to active after
 * debouncing — beam broken, motion seen — is one entry: counted, then passed to the listener, in order. A
 * PIR holds its output for seconds, so one visitor is one entry; a beam counts each body crossing it.
 *
 * <p>Entries are counted from {@link #start}, which takes one listener, once. Listener calls come on the sensor's timer thread, one at a
 * time, and must not block. {@link #close} stops counting and releases the line; it may be called from
 * any thread, more than once.
 */
public interface EntrySensor extends AutoCloseable {

    /** The device name on the status board. */
    String NAME = "entry";

    void start(EntryListener listener);

    /** Entries counted since {@link #start}. */
    long entries();

    /** The configured device name, as on the device status board. */
    default String name() {
        return NAME;
    }

    @Override
    void close();
}
