package org.yizhan.devices.qr.evdev;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Decodes a byte stream of Linux {@code struct input_event} records, as read from
 * {@code /dev/input/event*}. The layout is the reading process's: with a 64-bit {@code long}
 * (aarch64, x86-64) a record is 24 bytes, {@code {int64 sec; int64 usec; u16 type; u16 code; s32 value}};
 * with a 32-bit one (armhf, i386, even on a 64-bit kernel, which converts) it is 16 bytes, with int32
 * times. Bytes are little-endian, as on every Linux the kiosk runs on (ARM and x86).
 *
 * <p>Records may arrive split across reads: a partial record is kept until the rest comes. The decoder
 * does not judge what it decodes; see {@link InputEvent#implausibility()}.
 *
 * <p>Threading: one thread at a time.
 */
public final class InputEventDecoder {

    public static final int RECORD_SIZE_32_BIT = 16;
    public static final int RECORD_SIZE_64_BIT = 24;

    private final int recordSize;
    private final ByteBuffer pending;

    public InputEventDecoder(int recordSize) {
        if (recordSize != RECORD_SIZE_32_BIT && recordSize != RECORD_SIZE_64_BIT) {
            throw new IllegalArgumentException("input_event records are 16 or 24 bytes, not " + recordSize);
        }
        this.recordSize = recordSize;
        this.pending = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int recordSize() {
        return recordSize;
    }

    /** Decodes {@code length} bytes from {@code offset}, passing each complete record to {@code out}. */
    public void decode(byte[] bytes, int offset, int length, Consumer<InputEvent> out) {
        int index = offset;
        int end = offset + length;
        while (index < end) {
            int take = Math.min(pending.remaining(), end - index);
            pending.put(bytes, index, take);
            index += take;
            if (!pending.hasRemaining()) {
                pending.flip();
                out.accept(record(pending));
                pending.clear();
            }
        }
    }

    /** Bytes of an incomplete record held back, 0 when the stream so far ends on a record boundary. */
    public int pendingBytes() {
        return pending.position();
    }

    private InputEvent record(ByteBuffer record) {
        long seconds;
        long microseconds;
        if (recordSize == RECORD_SIZE_64_BIT) {
            seconds = record.getLong();
            microseconds = record.getLong();
        } else {
            seconds = record.getInt();
            microseconds = record.getInt();
        }
        int type = Short.toUnsignedInt(record.getShort());
        int code = Short.toUnsignedInt(record.getShort());
        int value = record.getInt();
        return new InputEvent(seconds, microseconds, type, code, value);
    }
}
