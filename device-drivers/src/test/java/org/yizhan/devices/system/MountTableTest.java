package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {

    private static final MountTable PI = MountTable.parse("""
            /dev/mmcblk0p2 / ext4 rw,noatime 0 0
            proc /proc proc rw,relatime 0 0
            /dev/mmcblk0p1 /boot/firmware vfat rw,relatime 0 0
            /dev/mmcblk0p3 /var/lib ext4 rw,noatime 0 0
            /dev/sda1 /var/lib/yizhan ext4 ro,noatime,errors=remount-ro 0 0
            """);

    @Test
    void the_longest_mount_point_containing_the_path_holds_it() {
        assertEquals("/dev/sda1", PI.holding("/var/lib/yizhan/logs").orElseThrow().source());
        assertEquals("/dev/mmcblk0p3", PI.holding("/var/lib/other").orElseThrow().source());
        assertEquals("/dev/mmcblk0p2", PI.holding("/home/kiosk").orElseThrow().source());
    }

    @Test
    void a_mount_point_that_is_only_a_string_prefix_does_not_hold_the_path() {
        assertEquals("/dev/mmcblk0p2", PI.holding("/var/library").orElseThrow().source());
        assertEquals("/dev/mmcblk0p3", PI.holding("/var/lib/yizhan2").orElseThrow().source());
    }

    @Test
    void the_mount_point_itself_is_held_by_its_mount() {
        assertEquals("/dev/sda1", PI.holding("/var/lib/yizhan").orElseThrow().source());
    }

    @Test
    void of_two_mounts_on_one_point_the_later_one_is_on_top() {
        MountTable stacked = MountTable.parse("""
                /dev/mmcblk0p2 / ext4 rw 0 0
                /dev/mmcblk0p3 /data ext4 rw 0 0
                /dev/sda1 /data ext4 rw 0 0
                """);

        assertEquals("/dev/sda1", stacked.holding("/data/yizhan").orElseThrow().source());
    }

    @Test
    void reads_the_read_only_option_as_a_whole_word() {
        assertTrue(PI.holding("/var/lib/yizhan").orElseThrow().readOnly());
        assertFalse(MountTable.parse("/dev/x / ext4 rw,errors=remount-ro,nosuid 0 0").holding("/")
                .orElseThrow().readOnly());
    }

    @Test
    void decodes_octal_escapes_in_mount_points() {
        MountTable table = MountTable.parse("/dev/sdb1 /media/kiosk/USB\\040STICK vfat rw 0 0\n");

        assertEquals("/media/kiosk/USB STICK", table.mounts().get(0).mountPoint());
        assertEquals("a\\b", MountTable.unescape("a\\134b"));
        assertEquals("no\\9escape", MountTable.unescape("no\\9escape"));
    }

    @Test
    void skips_lines_that_are_not_six_fields() {
        MountTable table = MountTable.parse("garbage\n/dev/x / ext4 rw 0 0\n\nhalf a line\n");

        assertEquals(List.of("/"), table.mounts().stream().map(MountTable.Mount::mountPoint).toList());
    }
}
