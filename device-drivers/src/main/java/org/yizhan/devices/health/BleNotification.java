package org.yizhan.devices.health;

import java.util.Arrays;
import java.util.Objects;

/**
 * One characteristic value as a device sends it: which characteristic, and its raw bytes. Written as text
 * it is {@code <characteristic> <hex bytes>}, e.g. {@code 2A35 04 78 00 50 00 5D 00 48 00}: the argument of
 * the headless {@code ble} command, and what a support engineer copies from a rejection. Immutable (the
 * bytes are copied in and out).
 */
public record BleNotification(Characteristic characteristic, byte[] value) {

    public BleNotification {
        Objects.requireNonNull(characteristic, "characteristic");
        value = Objects.requireNonNull(value, "value").clone();
    }

    /**
     * Reads {@code <characteristic> <hex bytes>}; the characteristic as {@link Characteristic#parse} takes
     * it, the bytes as {@link HexBytes#parse} does (none is allowed, and decodes into a rejection). Throws
     * {@link IllegalArgumentException} with a message naming the bad token.
     */
    public static BleNotification parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "expected <characteristic> <hex bytes>, e.g. 2A35 04 78 00 50 00 5D 00 48 00");
        }
        String[] parts = text.strip().split("\\s+", 2);
        Characteristic characteristic = Characteristic.parse(parts[0]);
        byte[] value = HexBytes.parse(parts.length > 1 ? parts[1] : "");
        return new BleNotification(characteristic, value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public DecodedFrame decode() {
        return characteristic.decode(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BleNotification that
                && characteristic == that.characteristic
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * characteristic.hashCode() + Arrays.hashCode(value);
    }

    /** The text form {@link #parse} reads: "2A35 04 78 00". */
    @Override
    public String toString() {
        return value.length == 0 ? characteristic.hexId() : characteristic.hexId() + " " + HexBytes.format(value);
    }
}
