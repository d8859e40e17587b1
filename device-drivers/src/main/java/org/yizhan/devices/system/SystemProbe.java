package org.yizhan.devices.system;

/**
 * Reads how the computer itself is doing: CPU temperature, power, throttling, load, memory, the data
 * partition (space, writability, file system errors) and storage wear.
 *
 * <p>{@link #probe} returns what could be read at that moment; what could not is empty, never guessed.
 * It never throws: a missing file, garbage in a file or a failing command makes only that value
 * unknown. It blocks only as long as the reads, one short command and an occasional synced write take.
 * Implementations are safe to call from any thread; calls run one at a time.
 *
 * <p>A probe reports nothing by itself; {@link SystemProbeMonitor} runs it periodically and reports the
 * verdict on the device status board as device {@value #DEVICE}, which is never absent.
 */
public interface SystemProbe {

    /** The device name on the status board. */
    String DEVICE = "system";

    SystemHealth probe();
}
