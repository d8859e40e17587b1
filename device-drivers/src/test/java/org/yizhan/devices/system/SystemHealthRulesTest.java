package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each verdict rule at and around its thresholds, from a healthy Pi with one reading changed. */
class SystemHealthRulesTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final SystemHealthRules rules = new SystemHealthRules(SystemHealthThresholds.defaults());

    private static SystemHealth.Builder healthy() {
        return SimulatedSystemProbe.healthyPi(Clock.fixed(NOW, ZoneOffset.UTC)).toBuilder();
    }

    private List<SystemProblem> problems(SystemHealth.Builder health) {
        return rules.problems(health.build());
    }

    private SystemProblem only(SystemHealth.Builder health) {
        List<SystemProblem> found = problems(health);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void a_healthy_pi_has_no_problems() {
        assertEquals(List.of(), problems(healthy()));
    }

    @Test
    void nothing_known_is_no_problem() {
        assertEquals(List.of(), problems(SystemHealth.builder(NOW)));
    }

    @Test
    void under_voltage_now_is_an_error_saying_the_power_supply_is_too_weak() {
        SystemProblem problem = problems(healthy().throttling(new ThrottleState(0x50005))).get(0);

        assertEquals(new SystemProblem(SystemProblem.Kind.UNDER_VOLTAGE_NOW, Severity.ERROR,
                "power supply too weak: under-voltage now"), problem);
    }

    @Test
    void the_kernels_under_voltage_alarm_alone_is_under_voltage_now() {
        // Given no vcgencmd, but the rpi_volt alarm set
        SystemHealth.Builder health = healthy().throttling(null).underVoltageAlarm(true);

        assertEquals(SystemProblem.Kind.UNDER_VOLTAGE_NOW, only(health).kind());
    }

    @Test
    void under_voltage_that_has_occurred_is_a_warning() {
        SystemProblem problem = only(healthy().throttling(new ThrottleState(0x10000)));

        assertEquals(new SystemProblem(SystemProblem.Kind.UNDER_VOLTAGE_OCCURRED, Severity.WARNING,
                "power supply too weak: under-voltage has occurred since boot"), problem);
    }

    @ParameterizedTest
    @CsvSource({
        "79.9, ",
        "80.0, WARNING",
        "84.9, WARNING",
        "85.0, ERROR",
        "92.3, ERROR",
    })
    void the_cpu_is_hot_from_80_and_too_hot_from_85(double celsius, Severity expected) {
        List<SystemProblem> found = problems(healthy().cpuCelsius(celsius));

        if (expected == null) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(List.of(expected), found.stream().map(SystemProblem::severity).toList());
            assertEquals(SystemProblem.Kind.CPU_HOT, found.get(0).kind());
            assertTrue(found.get(0).text().contains(String.format(Locale.ROOT, "%.1f °C", celsius)),
                    found.get(0).text());
        }
    }

    @Test
    void throttling_now_is_a_warning_naming_what_the_firmware_did() {
        SystemProblem problem = only(healthy().throttling(new ThrottleState(0x80008 | 0x4)));

        assertEquals(new SystemProblem(SystemProblem.Kind.CPU_THROTTLED, Severity.WARNING,
                "CPU slowed down: throttled now, soft temperature limit active now (throttled=0x8000c)"), problem);
    }

    @Test
    void throttling_in_the_past_only_is_no_problem() {
        assertEquals(List.of(), problems(healthy().throttling(new ThrottleState(0xe0000))));
    }

    @Test
    void a_failed_write_check_is_an_error_even_when_the_mount_says_rw() {
        SystemProblem problem = only(healthy().writeCheck(WriteCheck.failed("AccessDeniedException: /var/lib/yizhan/"
                + ".yizhan-write-check", NOW)));

        assertEquals(new SystemProblem(SystemProblem.Kind.DATA_NOT_WRITABLE, Severity.ERROR,
                "data directory is not writable (/dev/mmcblk0p2 on /): AccessDeniedException: "
                        + "/var/lib/yizhan/.yizhan-write-check"), problem);
    }

    @Test
    void a_failed_write_check_on_a_read_only_mount_says_read_only() {
        SystemHealth.Builder health = healthy()
                .dataPartition(new DataPartition("/", "/dev/mmcblk0p2", "ext4", true, Optional.of("mmcblk0p2")))
                .writeCheck(WriteCheck.failed(FakeDataVolume.READ_ONLY, NOW));

        assertEquals("data partition is read-only (/dev/mmcblk0p2 on /): " + FakeDataVolume.READ_ONLY,
                only(health).text());
    }

    @Test
    void a_read_only_mount_without_a_write_check_is_an_error() {
        SystemHealth.Builder health = healthy().writeCheck(null)
                .dataPartition(new DataPartition("/", "/dev/mmcblk0p2", "ext4", true, Optional.of("mmcblk0p2")));

        assertEquals(new SystemProblem(SystemProblem.Kind.DATA_NOT_WRITABLE, Severity.ERROR,
                "data partition is read-only (/dev/mmcblk0p2 on /): mounted ro"), only(health));
    }

    @Test
    void a_write_check_that_passed_outranks_a_read_only_mount_option() {
        SystemHealth.Builder health = healthy()
                .dataPartition(new DataPartition("/", "/dev/mmcblk0p2", "ext4", true, Optional.of("mmcblk0p2")));

        assertEquals(List.of(), problems(health));
    }

    @ParameterizedTest
    @CsvSource({
        // total GiB, usable MiB, expected
        "100, 5119, ERROR",     // 4.999% of a large card
        "100, 5120, WARNING",   // exactly 5%: not below it
        "2, 199, ERROR",        // under 200 MiB, though 9.7% of a small card
        "2, 200, WARNING",
        "100, 10239, WARNING",  // just under 10%
        "100, 10240, ",         // 10% and over 1 GiB
        "8, 1023, WARNING",     // 12.5% but under 1 GiB
        "8, 1024, ",
    })
    void data_space_is_low_below_10_percent_or_1_gib_and_an_error_below_5_percent_or_200_mib(
            long totalGib, long usableMib, Severity expected) {
        List<SystemProblem> found = problems(healthy().dataSpace(new DiskSpace(totalGib * GIB, usableMib * MIB)));

        assertEquals(expected == null ? List.of() : List.of(expected),
                found.stream().map(SystemProblem::severity).toList());
        found.forEach(p -> assertEquals(SystemProblem.Kind.DATA_SPACE_LOW, p.kind()));
    }

    @Test
    void the_space_problem_says_how_much_is_left() {
        assertEquals("data partition almost full: 150 MiB free of 29.0 GiB (0.5%)",
                only(healthy().dataSpace(new DiskSpace(29 * GIB, 150 * MIB))).text());
    }

    @Test
    void ext4_errors_are_a_warning() {
        assertEquals(List.of(), problems(healthy().ext4ErrorCount(0L)));
        SystemProblem problem = only(healthy().ext4ErrorCount(2L));

        assertEquals(Severity.WARNING, problem.severity());
        assertEquals(SystemProblem.Kind.EXT4_ERRORS, problem.kind());
        assertTrue(problem.text().contains("2 errors"), problem.text());
    }

    @ParameterizedTest
    @CsvSource({
        // type A, type B, pre-EOL, expected severity
        "1, 2, 1, ",
        "9, 9, 1, ",            // 80–90%: not yet
        "10, 2, 1, WARNING",    // 90–100% used
        "2, 11, 1, ERROR",      // life exceeded
        "2, 2, 2, WARNING",     // pre-EOL warning
        "2, 2, 3, ERROR",       // pre-EOL urgent
        "0, 0, 0, ",            // nothing defined
    })
    void emmc_wear_is_judged_by_the_worse_estimate_and_pre_eol(int typeA, int typeB, int preEol, Severity expected) {
        StorageWear wear = new StorageWear("mmcblk0", LifeTimeEstimate.ofCode(typeA), LifeTimeEstimate.ofCode(typeB),
                PreEolInfo.ofCode(preEol));

        List<SystemProblem> found = problems(healthy().storageWear(wear));

        assertEquals(expected == null ? List.of() : List.of(expected),
                found.stream().map(SystemProblem::severity).toList());
    }

    @Test
    void an_urgent_pre_eol_says_to_replace_the_storage() {
        StorageWear wear = new StorageWear("mmcblk0", LifeTimeEstimate.ofCode(3), LifeTimeEstimate.ofCode(3),
                Optional.of(PreEolInfo.URGENT));

        assertEquals(new SystemProblem(SystemProblem.Kind.STORAGE_WORN, Severity.ERROR,
                "storage mmcblk0 near end of life: pre-EOL urgent, spare blocks almost used up; replace it"),
                only(healthy().storageWear(wear)));
    }

    @Test
    void memory_below_5_percent_available_is_a_warning() {
        assertEquals(List.of(), problems(healthy().memory(new MemoryReading(4 * GIB, 205 * MIB, false))));
        SystemProblem problem = only(healthy().memory(new MemoryReading(4 * GIB, 200 * MIB, false)));

        assertEquals(new SystemProblem(SystemProblem.Kind.MEMORY_LOW, Severity.WARNING,
                "memory low: 200 MiB available of 4.0 GiB (4.9%)"), problem);
    }

    @Test
    void problems_come_most_severe_first_then_in_rule_order() {
        // Given a Pi with warnings found before errors in rule order
        SystemHealth.Builder health = healthy()
                .throttling(new ThrottleState(0x10000))
                .cpuCelsius(86.0)
                .ext4ErrorCount(1L)
                .dataSpace(new DiskSpace(29 * GIB, 100 * MIB));

        // When judged
        List<SystemProblem.Kind> kinds = problems(health).stream().map(SystemProblem::kind).toList();

        // Then errors lead
        assertEquals(List.of(SystemProblem.Kind.CPU_HOT, SystemProblem.Kind.DATA_SPACE_LOW,
                SystemProblem.Kind.UNDER_VOLTAGE_OCCURRED, SystemProblem.Kind.EXT4_ERRORS), kinds);
    }

    @Test
    void thresholds_come_from_the_configuration() {
        SystemHealthRules strict = new SystemHealthRules(
                new SystemHealthThresholds(60, 70, 10, GIB, 5, 200 * MIB, 5, 90));

        assertEquals(Severity.ERROR, strict.problems(healthy().cpuCelsius(71.0).build()).get(0).severity());
    }

    @Test
    void thresholds_in_the_wrong_order_are_refused_naming_the_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SystemHealthThresholds(90, 85, 10, GIB, 5, 200 * MIB, 5, 90));
        assertTrue(e.getMessage().startsWith("system.cpu-warning-celsius"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> new SystemHealthThresholds(80, 85, 10, GIB, 150, 200 * MIB, 5, 90));
        assertTrue(e.getMessage().startsWith("system.data-free-error-percent"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> new SystemHealthThresholds(80, 85, 10, 100 * MIB, 5, 200 * MIB, 5, 90));
        assertTrue(e.getMessage().startsWith("system.data-free-warning-bytes"), e.getMessage());
    }
}
