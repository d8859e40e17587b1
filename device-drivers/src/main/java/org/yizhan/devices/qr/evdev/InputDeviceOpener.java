package org.yizhan.devices.qr.evdev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens an input device for reading: the seam between {@link EvdevQrScanner} and the file system, so
 * tests give it recorded bytes and make the device vanish and return.
 *
 * <p>An opener throws {@link java.nio.file.NoSuchFileException} while the device is not there, and the
 * stream it returns throws when the device vanishes, and returns from a blocked read when the reading
 * thread is interrupted.
 */
@FunctionalInterface
public interface InputDeviceOpener {

    /**
     * The real device: a {@link FileChannel}, because closing an interruptible channel (which interrupting
     * its reader does) wakes a read blocked on a character device, where a plain file stream stays stuck.
     * An unplugged device's read fails with ENODEV ("No such device"). The device is not grabbed
     * (EVIOCGRAB needs an ioctl, which Java cannot make without native code): the udev rule in
     * docs/devices.md hides it from the desktop instead.
     */
    InputDeviceOpener FILES = device -> Channels.newInputStream(FileChannel.open(device, StandardOpenOption.READ));

    InputStream open(Path device) throws IOException;
}
