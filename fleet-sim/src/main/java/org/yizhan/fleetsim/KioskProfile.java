package org.yizhan.fleetsim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;

/**
 * What one simulated kiosk is, drawn once from the run's seed: its board and software, its devices, and whether it
 * has one of the troubles a console must show — running hot (about 1 in 25), short of space on its data partition
 * (1 in 30) or without its QR scanner (1 in 30).
 *
 * @param appVersion     the Yizhan version it runs; most the current one, some a release behind
 * @param piModel        the board
 * @param kernel         the kernel of that board's image
 * @param piSerial       the board's serial number
 * @param hot            its CPU runs near 80 °C and is throttled now and then
 * @param lowOnDisk      its data partition has a few hundred MiB left
 * @param scannerAbsent  its QR scanner is unplugged
 * @param withScale      whether it has a scale beside the blood pressure monitor
 * @param memoryTotalMb  the board's memory
 * @param dataTotalMb    the size of its data partition
 * @param baseCelsius    its CPU temperature at rest
 * @param bootedBefore   how long it had been up when the run started
 */
record KioskProfile(
        String appVersion,
        String piModel,
        String kernel,
        String piSerial,
        boolean hot,
        boolean lowOnDisk,
        boolean scannerAbsent,
        boolean withScale,
        long memoryTotalMb,
        long dataTotalMb,
        double baseCelsius,
        Duration bootedBefore) {

    static final String CURRENT_VERSION = "0.1.0";
    static final String JAVA_VERSION = "17.0.15";
    static final String OS = "Debian GNU/Linux 12 (bookworm)";
    static final String ARCH = "aarch64";
    static final String TIME_ZONE = "Asia/Shanghai";

    static KioskProfile draw(RandomGenerator random) {
        boolean pi5 = random.nextDouble() < 0.7;
        byte[] serial = new byte[8];
        random.nextBytes(serial);
        boolean hot = random.nextDouble() < 0.04;
        return new KioskProfile(
                random.nextDouble() < 0.85 ? CURRENT_VERSION : "0.0.9",
                pi5 ? "Raspberry Pi 5 Model B Rev 1.0" : "Raspberry Pi 4 Model B Rev 1.5",
                pi5 ? "6.6.51+rpt-rpi-2712" : "6.6.51+rpt-rpi-v8",
                HexFormat.of().formatHex(serial),
                hot,
                random.nextDouble() < 1.0 / 30,
                random.nextDouble() < 1.0 / 30,
                random.nextDouble() < 0.5,
                pi5 ? 7_934 : 3_796,
                random.nextDouble() < 0.5 ? 29_000 : 58_000,
                hot ? 76 + random.nextDouble() * 4 : 44 + random.nextDouble() * 10,
                Duration.ofSeconds(3_600 + random.nextLong(30L * 86_400)));
    }

    /** The birth's inventory: the devices as a kiosk configures them, each in its state at the connect. */
    List<DeviceInfo> devices() {
        List<DeviceInfo> devices = new ArrayList<>();
        for (Device device : deviceList()) {
            devices.add(new DeviceInfo(device.name, device.kind, device.state));
        }
        return devices;
    }

    /** Every device's status for {@code health}, in the state it has been in {@code since}. */
    List<DeviceStatus> statuses(Instant since) {
        List<DeviceStatus> statuses = new ArrayList<>();
        for (Device device : deviceList()) {
            statuses.add(new DeviceStatus(device.name, device.state, device.error, since));
        }
        return statuses;
    }

    /** The system probe's readings after the kiosk has been up {@code up}, with a little noise. */
    SystemReadings readings(RandomGenerator random, Duration up) {
        double celsius = baseCelsius + random.nextGaussian() * 1.5;
        boolean throttled = hot && celsius > 79;
        double load = hot ? 2.4 + random.nextDouble() : 0.2 + random.nextDouble() * 0.6;
        long dataFreeMb = lowOnDisk ? 180 + random.nextLong(250) : dataTotalMb * 3 / 4 - random.nextLong(200);
        return SystemReadings.builder()
                .cpuCelsius(Math.round(celsius * 10) / 10.0)
                .underVoltage(false, false)
                .throttledNow(throttled)
                .load(round2(load), round2(load * 0.9), round2(load * 0.85))
                .memoryMb(memoryTotalMb, memoryTotalMb * 3 / 4 - random.nextLong(300))
                .dataFree(dataFreeMb, Math.round(1000.0 * dataFreeMb / dataTotalMb) / 10.0)
                .ext4Errors(0L)
                .readOnly(false)
                .uptimeSeconds(up.toSeconds())
                .build();
    }

    /** The problems a kiosk's system probe reports in these readings, as {@code system-problem} events do. */
    static List<SystemProblem> problems(SystemReadings readings) {
        List<SystemProblem> problems = new ArrayList<>();
        if (readings.cpuCelsius() != null && readings.cpuCelsius() >= 75) {
            problems.add(new SystemProblem("cpu-hot", readings.cpuCelsius(),
                    "CPU at " + readings.cpuCelsius() + " °C"));
        }
        if (readings.dataFreeMb() != null && readings.dataFreeMb() < 512) {
            problems.add(new SystemProblem("data-space-low", readings.dataFreeMb(),
                    "data partition has " + readings.dataFreeMb() + " MiB left"));
        }
        return problems;
    }

    private List<Device> deviceList() {
        List<Device> devices = new ArrayList<>(List.of(
                scannerAbsent
                        ? new Device("scanner", "qr-scanner:hid", DeviceState.ABSENT, "USB device 0c2e:0b61 not found")
                        : new Device("scanner", "qr-scanner:hid", DeviceState.CONNECTED, null),
                new Device("status-light", "status-light:gpio", DeviceState.CONNECTED, null),
                new Device("buzzer", "buzzer:gpio", DeviceState.CONNECTED, null),
                new Device("door", "door-relay:gpio", DeviceState.CONNECTED, null),
                new Device("entry", "entry-sensor:gpio", DeviceState.CONNECTED, null),
                new Device("help", "help-button:gpio", DeviceState.CONNECTED, null),
                new Device("bp-monitor", "blood-pressure:ble", DeviceState.CONNECTED, null)));
        if (withScale) {
            devices.add(new Device("scale", "weight-scale:ble", DeviceState.CONNECTED, null));
        }
        return devices;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Device(String name, String kind, DeviceState state, String error) {
    }

    /** A problem the probe found: its code, the value that crossed the line, one line for a maintainer. */
    record SystemProblem(String code, Number value, String message) {
    }
}
