package org.yizhan.devices.qr.evdev;

import java.util.Optional;
import java.util.function.Consumer;
import org.yizhan.devices.qr.ScanDecoder;
import org.yizhan.devices.qr.ScanRead;

/**
 * The bytes of one evdev connection to codes: {@link InputEventDecoder} then {@link KeystrokeDecoder}.
 *
 * <p>Records are checked as they come ({@link InputEvent#implausibility()}): a stream read with the
 * wrong record size puts every field on the wrong bytes, and the first impossible record shows it. The
 * decoder then reports a {@link ScanRead.DeviceFault} naming the setting to change, and ignores the rest
 * of the connection, since nothing after a misaligned record can be trusted.
 */
public final class EvdevScanDecoder implements ScanDecoder {

    private final InputEventDecoder records;
    private final KeystrokeDecoder keystrokes;
    private long recordIndex;
    private boolean misaligned;

    public EvdevScanDecoder(int recordSize, Keymap keymap) {
        this.records = new InputEventDecoder(recordSize);
        this.keystrokes = new KeystrokeDecoder(keymap);
    }

    @Override
    public void decode(byte[] bytes, int length, Consumer<ScanRead> out) {
        if (misaligned) {
            return;
        }
        records.decode(bytes, 0, length, event -> {
            if (misaligned) {
                return;
            }
            long index = recordIndex++;
            Optional<String> implausible = event.implausibility();
            if (implausible.isPresent()) {
                misaligned = true;
                out.accept(new ScanRead.DeviceFault(misalignment(index, implausible.get())));
                return;
            }
            keystrokes.accept(event).ifPresent(out);
        });
    }

    @Override
    public Optional<ScanRead> end() {
        return misaligned ? Optional.empty() : keystrokes.end();
    }

    private String misalignment(long index, String implausible) {
        int configured = records.recordSize();
        int other = configured == InputEventDecoder.RECORD_SIZE_64_BIT
                ? InputEventDecoder.RECORD_SIZE_32_BIT
                : InputEventDecoder.RECORD_SIZE_64_BIT;
        return "input events do not fit scanner.record-size=" + configured + " (record " + index + ": "
                + implausible + "); this process probably reads " + other
                + "-byte records: set scanner.record-size=" + other;
    }
}
