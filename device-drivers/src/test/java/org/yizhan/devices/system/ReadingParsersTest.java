package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure parsers behind each file the probe reads: well-formed text, and garbage as unknown. */
class ReadingParsersTest {

    @Test
    void reads_the_three_load_averages_of_proc_loadavg() {
        assertEquals(Optional.of(new LoadAverage(0.52, 0.58, 0.59)),
                LoadAverage.parseProcLoadavg("0.52 0.58 0.59 1/389 12345\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.52 0.58", "a b c 1/2 3", "-1.0 0.5 0.5 1/2 3", "NaN 0 0 1/1 1"})
    void load_garbage_is_unknown(String text) {
        assertEquals(Optional.empty(), LoadAverage.parseProcLoadavg(text));
    }

    @Test
    void reads_total_and_available_memory_in_bytes() {
        MemoryReading memory = MemoryReading.parseProcMeminfo(
                "MemTotal:        4143008 kB\nMemFree:         2875424 kB\nMemAvailable:    3468672 kB\n"
                        + "HugePages_Total:       0\n").orElseThrow();

        assertEquals(new MemoryReading(4143008L * 1024, 3468672L * 1024, false), memory);
    }

    @Test
    void estimates_available_memory_on_kernels_without_MemAvailable() {
        // Given a kernel before 3.14, which has no MemAvailable line
        String meminfo = "MemTotal:         948304 kB\nMemFree:          512000 kB\nBuffers:           20000 kB\n"
                + "Cached:           180000 kB\nSwapCached:            0 kB\n";

        // When it is read
        MemoryReading memory = MemoryReading.parseProcMeminfo(meminfo).orElseThrow();

        // Then the estimate is free + buffers + cached, and says it is one
        assertEquals((512000L + 20000 + 180000) * 1024, memory.availableBytes());
        assertTrue(memory.availableEstimated());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "MemFree: 1 kB\nMemAvailable: 1 kB\n",
        "MemTotal: lots kB\nMemAvailable: 1 kB\n",
        "MemTotal: 948304 kB\nMemFree: 512000 kB\n",
    })
    void memory_without_a_total_or_any_way_to_availability_is_unknown(String text) {
        assertEquals(Optional.empty(), MemoryReading.parseProcMeminfo(text));
    }

    @Test
    void reads_uptime_from_its_first_field() {
        assertEquals(Optional.of(Duration.ofMillis(262144350)), LinuxSystemProbe.uptime("262144.35 1021245.12\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5.0 1.0", "Infinity 0"})
    void uptime_garbage_is_unknown(String text) {
        assertEquals(Optional.empty(), LinuxSystemProbe.uptime(text));
    }

    @ParameterizedTest
    @CsvSource({"51850, 51.85", "-5000, -5.0", "85000, 85.0"})
    void reads_milli_degrees_as_celsius(String text, double celsius) {
        assertEquals(Optional.of(celsius), LinuxSystemProbe.milliCelsius(text + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "51.85", "hot", "-273150", "200000"})
    void temperatures_no_chip_survives_are_a_broken_sensor(String text) {
        assertEquals(Optional.empty(), LinuxSystemProbe.milliCelsius(text));
    }

    @Test
    void reads_an_alarm_as_zero_or_one() {
        assertEquals(Optional.of(true), LinuxSystemProbe.flag("1\n"));
        assertEquals(Optional.of(false), LinuxSystemProbe.flag("0\n"));
        assertEquals(Optional.empty(), LinuxSystemProbe.flag("2\n"));
    }

    @Test
    void reads_a_count_and_refuses_a_negative_one() {
        assertEquals(Optional.of(3L), LinuxSystemProbe.count("3\n"));
        assertEquals(Optional.empty(), LinuxSystemProbe.count("-1"));
        assertEquals(Optional.empty(), LinuxSystemProbe.count("many"));
    }

    @Test
    void reads_the_two_life_time_estimates_of_an_emmc() {
        assertArrayEquals(new int[] {0x01, 0x02}, StorageWear.parseLifeTime("0x01 0x02\n").orElseThrow());
        assertEquals(Optional.empty(), StorageWear.parseLifeTime("0x01\n"));
        assertEquals(Optional.empty(), StorageWear.parseLifeTime("1 2\n"));
    }

    @Test
    void reads_the_pre_eol_byte_of_an_emmc() {
        assertEquals(Optional.of(3), StorageWear.parsePreEolInfo("0x03\n"));
        assertEquals(Optional.empty(), StorageWear.parsePreEolInfo("urgent"));
    }

    @ParameterizedTest
    @CsvSource({"1, 0, '0–10% of life used'", "2, 10, '10–20% of life used'", "10, 90, '90–100% of life used'",
        "11, 100, 'estimated life exceeded'"})
    void life_time_estimates_are_steps_of_ten_percent(int code, int usedAtLeast, String text) {
        LifeTimeEstimate estimate = LifeTimeEstimate.ofCode(code).orElseThrow();

        assertEquals(usedAtLeast, estimate.usedPercentAtLeast());
        assertEquals(text, estimate.toString());
        assertEquals(code == 0x0B, estimate.exceeded());
    }

    @Test
    void undefined_and_reserved_wear_codes_are_unknown() {
        assertEquals(Optional.empty(), LifeTimeEstimate.ofCode(0x00));
        assertEquals(Optional.empty(), LifeTimeEstimate.ofCode(0x0C));
        assertEquals(Optional.empty(), PreEolInfo.ofCode(0x00));
        assertEquals(Optional.empty(), PreEolInfo.ofCode(0x04));
        assertEquals(Optional.of(PreEolInfo.URGENT), PreEolInfo.ofCode(0x03));
    }

    @Test
    void the_worse_of_the_two_estimates_counts() {
        StorageWear wear = new StorageWear("mmcblk0", LifeTimeEstimate.ofCode(2), LifeTimeEstimate.ofCode(9),
                Optional.empty());

        assertEquals(9, wear.worstEstimate().orElseThrow().code());
        assertFalse(new StorageWear("mmcblk0", Optional.empty(), Optional.empty(), Optional.empty())
                .worstEstimate().isPresent());
    }
}
