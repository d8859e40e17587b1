package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each reading of the real probe, from the fixture trees and trees changed for one test. */
class LinuxSystemProbeTest {

    private final MutableClock clock = new MutableClock();
    private final FakeDataVolume volume = FakeDataVolume.healthy();

    @TempDir
    Path temp;

    private SystemHealth probe(String fixture, String throttledOutput) {
        return Fixture.probe(Fixture.tree(fixture), FakeCommandRunner.printing(throttledOutput), volume, clock).probe();
    }

    private SystemHealth probeCopy(Path root) {
        return Fixture.probe(root, FakeCommandRunner.printing("throttled=0x0\n"), volume, clock).probe();
    }

    @Test
    void reads_the_cpu_temperature_from_the_hwmon_named_cpu_thermal() {
        assertEquals(Optional.of(51.85), probe("pi5-healthy", "throttled=0x0\n").cpuCelsius());
    }

    @Test
    void falls_back_to_thermal_zone0_without_a_cpu_thermal_hwmon() {
        // Given a Pi 5 tree whose cpu_thermal hwmon is gone but whose thermal zone reads 64.2 °C
        Path root = Fixture.copy("pi5-healthy", temp);
        Fixture.write(root, "/sys/class/hwmon/hwmon0/name", "something_else\n");
        Fixture.write(root, "/sys/class/thermal/thermal_zone0/temp", "64200\n");

        // When probed, then the thermal zone is read
        assertEquals(Optional.of(64.2), probeCopy(root).cpuCelsius());
    }

    @Test
    void falls_back_to_thermal_zone0_when_the_cpu_thermal_hwmon_has_no_input() {
        Path root = Fixture.copy("pi5-healthy", temp);
        Fixture.delete(root, "/sys/class/hwmon/hwmon0/temp1_input");
        Fixture.write(root, "/sys/class/thermal/thermal_zone0/temp", "64200\n");

        assertEquals(Optional.of(64.2), probeCopy(root).cpuCelsius());
    }

    @Test
    void an_x86_hwmon_is_not_taken_for_the_pi_cpu() {
        assertEquals(Optional.empty(), probe("x86-dev", "").cpuCelsius());
    }

    @Test
    void reads_the_under_voltage_alarm_of_the_rpi_volt_hwmon() {
        assertEquals(Optional.of(true), probe("pi4-under-voltage", "throttled=0x50005\n").underVoltageAlarm());
        assertEquals(Optional.of(false), probe("pi5-healthy", "throttled=0x0\n").underVoltageAlarm());
        assertEquals(Optional.empty(), probe("x86-dev", "").underVoltageAlarm());
    }

    @Test
    void reads_the_throttling_word_from_the_configured_command_within_its_timeout() {
        // Given a Pi 4 whose vcgencmd says throttled=0x50005
        FakeCommandRunner commands = FakeCommandRunner.printing("throttled=0x50005\n");

        // When probed
        SystemHealth health = Fixture.probe(Fixture.tree("pi4-under-voltage"), commands, volume, clock).probe();

        // Then the word is decoded, and the command was run as configured
        assertEquals(Optional.of(new ThrottleState(0x50005)), health.throttling());
        assertEquals(List.of(List.of("vcgencmd", "get_throttled")), commands.commands);
        assertEquals(List.of(Duration.ofSeconds(2)), commands.timeouts);
    }

    static Stream<Arguments> commandsThatGiveNoWord() {
        return Stream.of(
                Arguments.of("missing vcgencmd", new CommandResult.Failed(FakeCommandRunner.MISSING)),
                Arguments.of("no access to /dev/vcio",
                        new CommandResult.Exited(255, "", "Can't open device file: /dev/vcio\n")),
                Arguments.of("garbage output", new CommandResult.Exited(0, "throttled=0xGARBAGE\n", "")),
                Arguments.of("a hang", new CommandResult.TimedOut(Duration.ofSeconds(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsThatGiveNoWord")
    void throttling_is_unknown_when_the_command_does_not_give_a_word(String what, CommandResult result) {
        SystemHealth health = Fixture.probe(Fixture.tree("pi5-healthy"), new FakeCommandRunner(result), volume,
                clock).probe();

        assertEquals(Optional.empty(), health.throttling());
        assertEquals(Optional.of(51.85), health.cpuCelsius());
    }

    @Test
    void an_empty_throttled_command_is_never_run() {
        FakeCommandRunner commands = FakeCommandRunner.printing("throttled=0x0\n");
        SystemProbeConfig config = new SystemProbeConfig(Fixture.DATA_DIR, Duration.ofSeconds(10),
                Duration.ofMinutes(5), List.of(), Duration.ofSeconds(2), SystemHealthThresholds.defaults());

        SystemHealth health = new LinuxSystemProbe(config, new SystemTree(Fixture.tree("pi5-healthy")), commands,
                volume, clock).probe();

        assertTrue(commands.commands.isEmpty());
        assertEquals(Optional.empty(), health.throttling());
    }

    @Test
    void reads_load_memory_and_uptime() {
        SystemHealth health = probe("pi5-healthy", "throttled=0x0\n");

        assertEquals(Optional.of(new LoadAverage(0.31, 0.27, 0.22)), health.load());
        assertEquals(Optional.of(new MemoryReading(4143008L * 1024, 3468672L * 1024, false)), health.memory());
        assertEquals(Optional.of(Duration.ofMillis(262144350)), health.uptime());
    }

    @Test
    void reads_the_free_space_of_the_data_volume() {
        assertEquals(Optional.of(new DiskSpace(58 * FakeDataVolume.GIB, 41 * FakeDataVolume.GIB)),
                probe("pi5-healthy", "throttled=0x0\n").dataSpace());
    }

    @Test
    void free_space_is_unknown_when_the_file_store_cannot_be_read() {
        volume.spaceFailure = new IOException("no such file store");

        assertEquals(Optional.empty(), probe("pi5-healthy", "throttled=0x0\n").dataSpace());
    }

    @Test
    void finds_the_partition_holding_the_data_dir_by_the_longest_mount_point() {
        DataPartition partition = probe("read-only-data", "throttled=0x0\n").dataPartition().orElseThrow();

        assertEquals(new DataPartition("/var/lib/yizhan", "/dev/mmcblk0p3", "ext4", true,
                Optional.of("mmcblk0p3")), partition);
    }

    @Test
    void resolves_dev_root_through_mountinfo_and_sysfs() {
        DataPartition partition = probe("pi4-under-voltage", "throttled=0x50005\n").dataPartition().orElseThrow();

        assertEquals("/dev/root", partition.source());
        assertEquals(Optional.of("mmcblk0p2"), partition.blockDevice());
    }

    @Test
    void resolves_dev_root_through_a_root_device_on_the_kernel_command_line_when_sysfs_cannot() {
        // Given /dev/root with no mountinfo, booted with root=/dev/mmcblk0p2
        Path root = Fixture.copy("pi4-under-voltage", temp);
        Fixture.delete(root, "/proc/self/mountinfo");
        Fixture.write(root, "/proc/cmdline", "console=tty1 root=/dev/mmcblk0p2 rootfstype=ext4 rootwait\n");

        // When probed, then the device comes from root=
        assertEquals(Optional.of("mmcblk0p2"), probeCopy(root).dataPartition().orElseThrow().blockDevice());
    }

    @Test
    void resolves_dev_root_through_a_partuuid_on_the_kernel_command_line() throws IOException {
        // Given /dev/root with no mountinfo, booted with root=PARTUUID=6c586e13-02, which udev links
        Path root = Fixture.copy("pi4-under-voltage", temp);
        Fixture.delete(root, "/proc/self/mountinfo");
        Files.createDirectories(root.resolve("dev/disk/by-partuuid"));
        Files.createSymbolicLink(root.resolve("dev/disk/by-partuuid/6c586e13-02"), Path.of("../../mmcblk0p2"));

        // When probed, then the device is the link's target
        SystemHealth health = probeCopy(root);

        assertEquals(Optional.of("mmcblk0p2"), health.dataPartition().orElseThrow().blockDevice());
        assertEquals(Optional.of(0L), health.ext4ErrorCount());
    }

    @Test
    void an_unresolvable_dev_root_leaves_the_device_unknown() {
        Path root = Fixture.copy("pi4-under-voltage", temp);
        Fixture.delete(root, "/proc/self/mountinfo");
        Fixture.write(root, "/proc/cmdline", "console=tty1 root=LABEL=rootfs\n");

        SystemHealth health = probeCopy(root);

        assertEquals(Optional.empty(), health.dataPartition().orElseThrow().blockDevice());
        assertEquals(Optional.empty(), health.ext4ErrorCount());
    }

    @Test
    void a_data_dir_reached_through_a_link_belongs_to_the_mount_it_really_lives_on() throws IOException {
        // Given /var/lib/yizhan is a link into /srv/data, a partition of its own
        Path root = Fixture.copy("pi5-healthy", temp);
        Files.createDirectories(root.resolve("srv/data/yizhan"));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve("var/lib/yizhan"), Path.of("../../srv/data/yizhan"));
        Fixture.write(root, "/proc/self/mounts", "/dev/mmcblk0p2 / ext4 rw,noatime 0 0\n"
                + "/dev/sda1 /srv/data ext4 rw,noatime 0 0\n");

        // When probed, then the data partition is /srv/data
        DataPartition partition = probeCopy(root).dataPartition().orElseThrow();

        assertEquals("/srv/data", partition.mountPoint());
        assertEquals(Optional.of("sda1"), partition.blockDevice());
    }

    @Test
    void reads_the_ext4_error_count_of_the_data_partition_not_of_root() {
        assertEquals(Optional.of(2L), probe("read-only-data", "throttled=0x0\n").ext4ErrorCount());
        assertEquals(Optional.of(0L), probe("pi5-healthy", "throttled=0x0\n").ext4ErrorCount());
    }

    @Test
    void ext4_errors_are_unknown_on_other_file_systems_and_without_sys_fs_ext4() {
        // Given the data directory on btrfs, where /sys/fs/ext4 knows nothing of it
        Path root = Fixture.copy("pi5-healthy", temp);
        Fixture.write(root, "/proc/self/mounts", "/dev/mmcblk0p2 / btrfs rw,noatime 0 0\n");
        Fixture.write(root, "/sys/fs/ext4/mmcblk0p2/errors_count", "7\n");

        assertEquals(Optional.empty(), probeCopy(root).ext4ErrorCount());
        assertEquals(Optional.empty(), probe("x86-dev", "").ext4ErrorCount());
    }

    @Test
    void a_read_only_partition_shows_in_both_the_mount_and_the_write_check() {
        // Given the data partition remounted read-only and a write into it failing
        volume.writeFailure = FakeDataVolume.READ_ONLY;

        // When probed
        SystemHealth health = probe("read-only-data", "throttled=0x0\n");

        // Then both say so
        assertTrue(health.dataPartition().orElseThrow().mountedReadOnly());
        assertEquals(Optional.of(WriteCheck.failed(FakeDataVolume.READ_ONLY, clock.instant())), health.writeCheck());
    }

    @Test
    void reads_emmc_wear() {
        StorageWear wear = probe("emmc-wear", "throttled=0x0\n").storageWear().orElseThrow();

        assertEquals(new StorageWear("mmcblk0", LifeTimeEstimate.ofCode(0x0a), LifeTimeEstimate.ofCode(0x09),
                Optional.of(PreEolInfo.WARNING)), wear);
    }

    @Test
    void wear_of_an_sd_card_is_unknown_not_an_error() {
        assertEquals(Optional.empty(), probe("pi5-healthy", "throttled=0x0\n").storageWear());
    }

    @Test
    void reads_the_wear_of_the_disk_holding_the_data_partition() {
        // Given the data on mmcblk1 (eMMC) while mmcblk0 is an SD card
        Path root = Fixture.copy("pi5-healthy", temp);
        Fixture.write(root, "/proc/self/mounts", "/dev/mmcblk0p2 / ext4 rw 0 0\n"
                + "/dev/mmcblk1p1 /var/lib/yizhan ext4 rw 0 0\n");
        Fixture.write(root, "/sys/block/mmcblk1/device/life_time", "0x03 0x02\n");
        Fixture.write(root, "/sys/block/mmcblk1/device/pre_eol_info", "0x01\n");

        // When probed, then mmcblk1's wear is read
        StorageWear wear = probeCopy(root).storageWear().orElseThrow();

        assertEquals("mmcblk1", wear.disk());
        assertEquals(Optional.of(PreEolInfo.NORMAL), wear.preEol());
    }

    @Test
    void storage_other_than_mmc_has_no_wear_here() {
        Path root = Fixture.copy("emmc-wear", temp);
        Fixture.write(root, "/proc/self/mounts", "/dev/nvme0n1p2 / ext4 rw 0 0\n");

        assertEquals(Optional.empty(), probeCopy(root).storageWear());
    }

    @Test
    void an_x86_machine_without_pi_files_gives_unknowns_and_no_crash() {
        // Given a laptop without vcgencmd
        FakeCommandRunner commands = FakeCommandRunner.missing();

        // When probed
        SystemHealth health = Fixture.probe(Fixture.tree("x86-dev"), commands, volume, clock).probe();

        // Then the Pi's readings are unknown and the rest is read
        assertEquals(Optional.empty(), health.cpuCelsius());
        assertEquals(Optional.empty(), health.throttling());
        assertEquals(Optional.empty(), health.underVoltageAlarm());
        assertEquals(Optional.empty(), health.ext4ErrorCount());
        assertEquals(Optional.empty(), health.storageWear());
        assertEquals(Optional.of(new LoadAverage(2.04, 1.87, 1.60)), health.load());
        assertEquals(Optional.of("nvme0n1p2"), health.dataPartition().orElseThrow().blockDevice());
        assertTrue(health.memory().isPresent());
        assertTrue(health.uptime().isPresent());
    }

    @Test
    void an_empty_tree_gives_unknowns_and_no_crash() {
        SystemHealth health = Fixture.probe(temp, FakeCommandRunner.missing(), volume, clock).probe();

        assertEquals(SystemHealth.builder(clock.instant()).dataSpace(volume.space)
                .writeCheck(WriteCheck.passed(clock.instant())).build(), health);
    }

    @Test
    void a_garbage_file_is_unknown_and_logged_once_not_on_every_probe() {
        // Given a temperature file with garbage in it
        Path root = Fixture.copy("pi5-healthy", temp);
        Fixture.write(root, "/sys/class/hwmon/hwmon0/temp1_input", "\u0000\u0000garbage\n");
        LinuxSystemProbe probe = Fixture.probe(root, FakeCommandRunner.printing("throttled=0x0\n"), volume, clock);

        try (LogCapture log = new LogCapture(LinuxSystemProbe.class)) {
            // When probed three times
            SystemHealth health = probe.probe();
            probe.probe();
            probe.probe();

            // Then the temperature is unknown and the garbage was logged once
            assertEquals(Optional.empty(), health.cpuCelsius());
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains("/sys/class/hwmon/hwmon0/temp1_input"), log.warnings().get(0));
            assertFalse(log.warnings().get(0).contains("\u0000"), "NULs reach the journal");
        }
    }

    @Test
    void a_source_that_breaks_again_after_reading_well_is_logged_again() {
        FakeCommandRunner commands = FakeCommandRunner.printing("garbage\n");
        LinuxSystemProbe probe = Fixture.probe(Fixture.tree("pi5-healthy"), commands, volume, clock);

        try (LogCapture log = new LogCapture(LinuxSystemProbe.class)) {
            probe.probe();
            commands.result = new CommandResult.Exited(0, "throttled=0x0\n", "");
            probe.probe();
            commands.result = new CommandResult.Exited(0, "garbage again\n", "");
            probe.probe();
            probe.probe();

            assertEquals(2, log.warnings().size(), log.warnings().toString());
        }
    }

    @Test
    void a_missing_vcgencmd_is_logged_once() {
        LinuxSystemProbe probe = Fixture.probe(Fixture.tree("x86-dev"), FakeCommandRunner.missing(), volume, clock);

        try (LogCapture log = new LogCapture(LinuxSystemProbe.class)) {
            probe.probe();
            probe.probe();

            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains("No such file or directory"), log.warnings().get(0));
        }
    }

    @Test
    void a_reading_that_throws_leaves_only_itself_unknown() {
        // Given a data volume with a bug
        volume.spaceBug = new IllegalStateException("bug in the file store");

        // When probed
        SystemHealth health = probe("pi5-healthy", "throttled=0x0\n");

        // Then only free space is unknown
        assertEquals(Optional.empty(), health.dataSpace());
        assertTrue(health.cpuCelsius().isPresent());
        assertTrue(health.writeCheck().isPresent());
        assertTrue(health.load().isPresent());
        assertTrue(health.ext4ErrorCount().isPresent());
    }

    @Test
    void checks_writing_once_per_interval_not_on_every_probe() {
        // Given a probe whose write check interval is five minutes
        LinuxSystemProbe probe = Fixture.probe(Fixture.tree("pi5-healthy"), FakeCommandRunner.printing(
                "throttled=0x0\n"), volume, clock);

        // When probed every 10 s for just under five minutes
        SystemHealth first = probe.probe();
        SystemHealth later = first;
        for (int i = 0; i < 29; i++) {
            clock.advance(Duration.ofSeconds(10));
            later = probe.probe();
        }

        // Then writing was checked once, and every probe carries that check
        assertEquals(1, volume.writeChecks.get());
        assertEquals(first.writeCheck(), later.writeCheck());

        // And once five minutes have passed, it is checked again
        clock.advance(Duration.ofSeconds(10));
        assertEquals(clock.instant(), probe.probe().writeCheck().orElseThrow().checkedAt());
        assertEquals(2, volume.writeChecks.get());
    }

    @Test
    void repeats_a_failed_write_check_on_every_probe_so_recovery_shows_at_once() {
        LinuxSystemProbe probe = Fixture.probe(Fixture.tree("pi5-healthy"), FakeCommandRunner.printing(
                "throttled=0x0\n"), volume, clock);
        volume.writeFailure = "FileSystemException: No space left on device";
        probe.probe();
        clock.advance(Duration.ofSeconds(10));
        volume.writeFailure = null;

        assertTrue(probe.probe().writeCheck().orElseThrow().passed());
        assertEquals(2, volume.writeChecks.get());
    }

    @Test
    void checks_writing_at_once_when_the_mount_turns_read_only() {
        // Given a healthy probe that has just checked writing
        Path root = Fixture.copy("pi5-healthy", temp);
        LinuxSystemProbe probe = Fixture.probe(root, FakeCommandRunner.printing("throttled=0x0\n"), volume, clock);
        probe.probe();

        // When ext4 remounts the data partition read-only ten seconds later
        clock.advance(Duration.ofSeconds(10));
        Fixture.write(root, "/proc/self/mounts", "/dev/mmcblk0p2 / ext4 ro,noatime 0 0\n");
        volume.writeFailure = FakeDataVolume.READ_ONLY;
        SystemHealth health = probe.probe();

        // Then writing is checked again at once, and fails
        assertEquals(2, volume.writeChecks.get());
        assertFalse(health.writeCheck().orElseThrow().passed());
    }

    @Test
    void checks_writing_at_once_when_the_clock_is_set_back() {
        LinuxSystemProbe probe = Fixture.probe(Fixture.tree("pi5-healthy"), FakeCommandRunner.printing(
                "throttled=0x0\n"), volume, clock);
        probe.probe();

        clock.advance(Duration.ofDays(-30));
        probe.probe();

        assertEquals(2, volume.writeChecks.get());
    }

    @Test
    void stamps_the_reading_with_the_clock() {
        assertEquals(clock.instant(), probe("pi5-healthy", "throttled=0x0\n").probedAt());
    }
}
