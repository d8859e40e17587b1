package org.yizhan.devices.qr.evdev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yizhan.devices.qr.ByteFeed;

/**
 * An event device for {@link EvdevQrScanner} to open: present or not, sending what the test gives it.
 * Unplugging fails the open stream with ENODEV's message, as the kernel does, and makes opens fail
 * with {@link NoSuchFileException} until it is plugged in again.
 */
final class FakeInputDevice implements InputDeviceOpener {

    private boolean present = true;
    private ByteFeed current;

    @Override
    public synchronized InputStream open(Path device) throws IOException {
        if (!present) {
            throw new NoSuchFileException(device.toString());
        }
        current = new ByteFeed();
        return current.asInputStream();
    }

    synchronized void send(byte[] bytes) {
        if (current == null) {
            throw new IllegalStateException("nobody has opened the device");
        }
        current.send(bytes);
    }

    synchronized void unplug() {
        present = false;
        if (current != null) {
            current.fail(new IOException("No such device"));
            current = null;
        }
    }

    synchronized void plug() {
        present = true;
    }
}
