package org.yizhan.devices.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts listed in {@code /proc/self/mounts} ({@code /dev/mmcblk0p2 / ext4 rw,noatime 0 0}), and which
 * of them holds a path. Lines that are not six fields are skipped.
 */
record MountTable(List<Mount> mounts) {

    /** One line: what is mounted where, and how. */
    record Mount(String source, String mountPoint, String fileSystemType, List<String> options) {

        boolean readOnly() {
            return options.contains("ro");
        }
    }

    MountTable {
        mounts = List.copyOf(mounts);
    }

    static MountTable parse(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 6) {
                mounts.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], List.of(f[3].split(","))));
            }
        }
        return new MountTable(mounts);
    }

    /**
     * The mount holding {@code path}: the one with the longest mount point that is {@code path} or a
     * parent of it, and of those the last listed, which is the one on top.
     */
    Optional<Mount> holding(String path) {
        Mount best = null;
        for (Mount mount : mounts) {
            if (contains(mount.mountPoint(), path)
                    && (best == null || mount.mountPoint().length() >= best.mountPoint().length())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean contains(String mountPoint, String path) {
        return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /** The kernel writes space, tab, newline and backslash in mount fields as octal escapes ({@code \040}). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
