package org.yizhan.devices.system;

/**
 * Size and free space of a file system.
 *
 * @param totalBytes  the file system's size
 * @param usableBytes what the kiosk's (unprivileged) user can still write; blocks reserved for root
 *                    are not counted
 */
public record DiskSpace(long totalBytes, long usableBytes) {

    public DiskSpace {
        if (totalBytes < 0 || usableBytes < 0) {
            throw new IllegalArgumentException("negative disk space: " + usableBytes + " of " + totalBytes);
        }
    }

    public double usablePercent() {
        return totalBytes == 0 ? 0 : 100.0 * usableBytes / totalBytes;
    }
}
