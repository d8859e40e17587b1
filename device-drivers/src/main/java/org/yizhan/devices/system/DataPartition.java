package org.yizhan.devices.system;

import java.util.Optional;

/**
 * The mount that holds the kiosk's data directory, from {@code /proc/self/mounts}.
 *
 * @param mountPoint       where it is mounted, e.g. {@code /}
 * @param source           what the kernel lists as mounted, e.g. {@code /dev/mmcblk0p2} or {@code /dev/root}
 * @param fileSystemType   e.g. {@code ext4}
 * @param mountedReadOnly  the mount options include {@code ro}, as after an ext4 {@code errors=remount-ro}
 * @param blockDevice      the kernel's name for the partition, e.g. {@code mmcblk0p2}; empty when it
 *                         cannot be resolved (tmpfs, overlay, an unknown {@code /dev/root})
 */
public record DataPartition(
        String mountPoint,
        String source,
        String fileSystemType,
        boolean mountedReadOnly,
        Optional<String> blockDevice) {
}
