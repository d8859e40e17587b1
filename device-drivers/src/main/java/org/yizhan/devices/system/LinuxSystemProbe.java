package org.yizhan.devices.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the health of a Linux machine (a Raspberry Pi 4 or 5 in the field, anything in development)
 * from {@code /proc}, {@code /sys} and {@code vcgencmd}, through a {@link SystemTree}, a
 * {@link CommandRunner} and a {@link DataVolume}.
 *
 * <p>Where each value comes from:
 * <ul>
 *   <li>CPU: {@code temp1_input} of the hwmon named {@code cpu_thermal}, else
 *       {@code /sys/class/thermal/thermal_zone0/temp} (milli-°C);</li>
 *   <li>power: {@code in0_lcrit_alarm} of the hwmon named {@code rpi_volt}, and the throttling word of
 *       the configured command ({@code vcgencmd get_throttled});</li>
 *   <li>{@code /proc/loadavg}, {@code /proc/meminfo}, {@code /proc/uptime};</li>
 *   <li>the data partition: the mount in {@code /proc/self/mounts} with the longest mount point that
 *       contains the data directory (symbolic links resolved). Its kernel device name is the source with
 *       {@code /dev/} removed ({@code /dev/mmcblk0p2} → {@code mmcblk0p2}); for {@code /dev/root} and other
 *       indirect sources it is looked up by the mount's device number ({@code /proc/self/mountinfo} →
 *       {@code /sys/dev/block/MAJ:MIN}), and for {@code /dev/root} finally by {@code root=} on the kernel
 *       command line ({@code /dev/…} or {@code PARTUUID=…} via {@code /dev/disk/by-partuuid});</li>
 *   <li>ext4 errors: {@code /sys/fs/ext4/<device>/errors_count};</li>
 *   <li>wear: {@code life_time} and {@code pre_eol_info} in {@code /sys/block/<disk>/device/} of the mmc
 *       disk holding the data partition, or of {@code mmcblk0} when the partition cannot be traced.</li>
 * </ul>
 *
 * <p>Failure outcomes: a missing file or command leaves its value empty quietly (an x86 laptop has no
 * {@code rpi_volt}); garbage, unreadable files, failing or hanging commands leave it empty and are
 * logged once per episode. {@link #probe} never throws. The write–read check runs at most every
 * {@code writeCheckInterval}, at once when the mount's read-only flag changes, and on every probe while it
 * fails (a failing write costs the card nothing), so recovery shows at once. Calls are serialised.
 */
public final class LinuxSystemProbe implements SystemProbe {

    private static final Logger log = LoggerFactory.getLogger(LinuxSystemProbe.class);

    private static final Pattern MMC_DISK = Pattern.compile("(mmcblk\\d+)(p\\d+)?");
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DEVICE_NUMBER = Pattern.compile("\\d+:\\d+");

    private final SystemProbeConfig config;
    private final SystemTree tree;
    private final CommandRunner commands;
    private final DataVolume dataVolume;
    private final Clock clock;
    private final ReadingWarnings warnings = new ReadingWarnings(log);

    private WriteCheck lastWriteCheck;
    private Optional<Boolean> lastMountedReadOnly = Optional.empty();

    public LinuxSystemProbe(SystemProbeConfig config, SystemTree tree, CommandRunner commands,
            DataVolume dataVolume, Clock clock) {
        this.config = config;
        this.tree = tree;
        this.commands = commands;
        this.dataVolume = dataVolume;
        this.clock = clock;
    }

    /** The probe of the machine this runs on: its own {@code /}, processes and data directory. */
    public static LinuxSystemProbe onThisMachine(SystemProbeConfig config, Clock clock) {
        return new LinuxSystemProbe(config, SystemTree.live(), new ProcessCommandRunner(),
                new FileStoreDataVolume(config.dataDir()), clock);
    }

    @Override
    public synchronized SystemHealth probe() {
        Instant now = clock.instant();
        SystemHealth.Builder health = SystemHealth.builder(now);
        guarded("CPU temperature", this::cpuCelsius).ifPresent(health::cpuCelsius);
        guarded("under-voltage alarm", this::underVoltageAlarm).ifPresent(health::underVoltageAlarm);
        guarded("throttling", this::throttling).ifPresent(health::throttling);
        guarded("load", () -> file("/proc/loadavg", LoadAverage::parseProcLoadavg)).ifPresent(health::load);
        guarded("memory", () -> file("/proc/meminfo", MemoryReading::parseProcMeminfo)).ifPresent(health::memory);
        guarded("uptime", () -> file("/proc/uptime", LinuxSystemProbe::uptime)).ifPresent(health::uptime);
        Optional<DataPartition> partition = guarded("data partition", this::dataPartition);
        partition.ifPresent(health::dataPartition);
        guarded("ext4 errors", () -> ext4ErrorCount(partition)).ifPresent(health::ext4ErrorCount);
        guarded("data space", this::dataSpace).ifPresent(health::dataSpace);
        guarded("write check", () -> Optional.of(writeCheck(now, partition))).ifPresent(health::writeCheck);
        guarded("storage wear", () -> storageWear(partition)).ifPresent(health::storageWear);
        return health.build();
    }

    private <T> Optional<T> guarded(String what, Supplier<Optional<T>> reading) {
        try {
            Optional<T> value = reading.get();
            warnings.recovered("reading " + what);
            return value;
        } catch (RuntimeException e) {
            // One broken reading must not cost the others, nor the monitor its thread.
            warnings.warn("reading " + what, "reading " + what + " failed: " + e);
            return Optional.empty();
        }
    }

    private Optional<Double> cpuCelsius() {
        String path = hwmon("cpu_thermal").map(dir -> dir + "/temp1_input").filter(tree::exists)
                .orElse("/sys/class/thermal/thermal_zone0/temp");
        return file(path, LinuxSystemProbe::milliCelsius);
    }

    private Optional<Boolean> underVoltageAlarm() {
        return hwmon("rpi_volt").flatMap(dir -> file(dir + "/in0_lcrit_alarm", LinuxSystemProbe::flag));
    }

    private Optional<ThrottleState> throttling() {
        List<String> command = config.throttledCommand();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String source = String.join(" ", command);
        CommandResult result = commands.run(command, config.commandTimeout());
        if (result instanceof CommandResult.Exited exited) {
            if (exited.exitCode() != 0) {
                String said = exited.stderr().isBlank() ? exited.stdout() : exited.stderr();
                warnings.warn(source, source + " exited with " + exited.exitCode() + ": " + excerpt(said));
                return Optional.empty();
            }
            Optional<ThrottleState> state = ThrottleState.parseVcgencmd(exited.stdout());
            if (state.isEmpty()) {
                warnings.warn(source, "unexpected output from " + source + ": " + excerpt(exited.stdout()));
            } else {
                warnings.recovered(source);
            }
            return state;
        }
        if (result instanceof CommandResult.TimedOut timedOut) {
            warnings.warn(source, source + " did not finish within " + timedOut.timeout());
        } else if (result instanceof CommandResult.Failed failed) {
            warnings.warn(source, "cannot run " + source + ": " + failed.reason());
        }
        return Optional.empty();
    }

    private Optional<DataPartition> dataPartition() {
        String dataPath = tree.realPath(config.dataDir().toString());
        Optional<MountTable> mounts = file("/proc/self/mounts", text -> {
            MountTable table = MountTable.parse(text);
            return table.mounts().isEmpty() ? Optional.empty() : Optional.of(table);
        });
        return mounts.flatMap(table -> table.holding(dataPath)).map(mount -> new DataPartition(
                mount.mountPoint(), mount.source(), mount.fileSystemType(), mount.readOnly(), blockDevice(mount)));
    }

    private Optional<String> blockDevice(MountTable.Mount mount) {
        String source = mount.source();
        if (source.startsWith("/dev/")) {
            String name = source.substring("/dev/".length());
            if (!name.equals("root") && DEVICE_NAME.matcher(name).matches()) {
                return Optional.of(name);
            }
        }
        Optional<String> byNumber = deviceNumber(mount.mountPoint()).flatMap(this::deviceNameOfNumber);
        if (byNumber.isPresent() || !source.equals("/dev/root")) {
            return byNumber;
        }
        return rootFromKernelCommandLine();
    }

    /** The {@code MAJ:MIN} of the topmost mount at {@code mountPoint}, from {@code /proc/self/mountinfo}. */
    private Optional<String> deviceNumber(String mountPoint) {
        String number = null;
        for (String line : text("/proc/self/mountinfo").orElse("").split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length > 4 && MountTable.unescape(f[4]).equals(mountPoint) && DEVICE_NUMBER.matcher(f[2]).matches()) {
                number = f[2];
            }
        }
        return Optional.ofNullable(number);
    }

    private Optional<String> deviceNameOfNumber(String number) {
        String device = "/sys/dev/block/" + number;
        for (String line : text(device + "/uevent").orElse("").split("\n")) {
            if (line.startsWith("DEVNAME=")) {
                return validDeviceName(line.substring("DEVNAME=".length()).strip());
            }
        }
        return tree.linkTarget(device).flatMap(LinuxSystemProbe::lastComponent);
    }

    private Optional<String> rootFromKernelCommandLine() {
        String root = null;
        for (String arg : text("/proc/cmdline").orElse("").strip().split("\\s+")) {
            // The kernel takes the last root= when there are several.
            if (arg.startsWith("root=")) {
                root = arg.substring("root=".length());
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        if (root.startsWith("/dev/")) {
            return validDeviceName(root.substring("/dev/".length()));
        }
        if (root.startsWith("PARTUUID=")) {
            return tree.linkTarget("/dev/disk/by-partuuid/" + root.substring("PARTUUID=".length()))
                    .flatMap(LinuxSystemProbe::lastComponent);
        }
        return Optional.empty();
    }

    private Optional<Long> ext4ErrorCount(Optional<DataPartition> partition) {
        return partition.filter(p -> p.fileSystemType().matches("ext[234]"))
                .flatMap(DataPartition::blockDevice)
                .flatMap(device -> file("/sys/fs/ext4/" + device + "/errors_count", LinuxSystemProbe::count));
    }

    private Optional<DiskSpace> dataSpace() {
        try {
            DiskSpace space = dataVolume.space();
            warnings.recovered("data space");
            return Optional.of(space);
        } catch (IOException e) {
            warnings.warn("data space", "cannot read the free space of " + config.dataDir() + ": " + e);
            return Optional.empty();
        }
    }

    private WriteCheck writeCheck(Instant now, Optional<DataPartition> partition) {
        Optional<Boolean> mountedReadOnly = partition.map(DataPartition::mountedReadOnly);
        boolean due = lastWriteCheck == null
                || !lastWriteCheck.passed()
                || !mountedReadOnly.equals(lastMountedReadOnly)
                // A Pi has no real-time clock: when NTP sets the clock back, check rather than wait for it.
                || now.isBefore(lastWriteCheck.checkedAt())
                || !now.isBefore(lastWriteCheck.checkedAt().plus(config.writeCheckInterval()));
        lastMountedReadOnly = mountedReadOnly;
        if (due) {
            lastWriteCheck = dataVolume.writeCheck(now);
            if (lastWriteCheck.passed()) {
                warnings.recovered("write check");
            } else {
                warnings.warn("write check", "write check of " + config.dataDir() + " failed: "
                        + lastWriteCheck.failure());
            }
        }
        return lastWriteCheck;
    }

    private Optional<StorageWear> storageWear(Optional<DataPartition> partition) {
        Optional<String> device = partition.flatMap(DataPartition::blockDevice);
        String disk;
        if (device.isPresent()) {
            Matcher m = MMC_DISK.matcher(device.get());
            if (!m.matches()) {
                // USB or NVMe storage: wear is in SMART data, not in sysfs.
                return Optional.empty();
            }
            disk = m.group(1);
        } else {
            // Every Pi boots from mmcblk0 unless told otherwise.
            disk = "mmcblk0";
        }
        String dir = "/sys/block/" + disk + "/device/";
        Optional<int[]> lifeTime = file(dir + "life_time", StorageWear::parseLifeTime);
        Optional<Integer> preEol = file(dir + "pre_eol_info", StorageWear::parsePreEolInfo);
        if (lifeTime.isEmpty() && preEol.isEmpty()) {
            // SD cards have neither file: wear unknown, which is not a fault.
            return Optional.empty();
        }
        return Optional.of(new StorageWear(disk,
                lifeTime.flatMap(codes -> LifeTimeEstimate.ofCode(codes[0])),
                lifeTime.flatMap(codes -> LifeTimeEstimate.ofCode(codes[1])),
                preEol.flatMap(PreEolInfo::ofCode)));
    }

    /** The first hwmon directory whose {@code name} is {@code name}; hwmon numbers change between boots. */
    private Optional<String> hwmon(String name) {
        List<String> entries;
        try {
            entries = tree.list("/sys/class/hwmon");
        } catch (IOException e) {
            warnings.warn("/sys/class/hwmon", "cannot list /sys/class/hwmon: " + e);
            return Optional.empty();
        }
        for (String entry : entries) {
            String dir = "/sys/class/hwmon/" + entry;
            if (text(dir + "/name").map(String::strip).filter(name::equals).isPresent()) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** A file parsed into a value; missing is quietly unknown, unreadable or garbage is logged once. */
    private <T> Optional<T> file(String path, Function<String, Optional<T>> parser) {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(text.get());
        if (value.isEmpty()) {
            warnings.warn(path, "unexpected content in " + path + ": " + excerpt(text.get()));
        } else {
            warnings.recovered(path);
        }
        return value;
    }

    private Optional<String> text(String path) {
        try {
            return tree.read(path);
        } catch (IOException e) {
            warnings.warn(path, "cannot read " + path + ": " + e);
            return Optional.empty();
        }
    }

    static Optional<Double> milliCelsius(String text) {
        try {
            double celsius = Long.parseLong(text.strip()) / 1000.0;
            // Outside what the silicon survives, the sensor is broken rather than the Pi hot or frozen.
            return celsius >= -40 && celsius <= 150 ? Optional.of(celsius) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> flag(String text) {
        return switch (text.strip()) {
            case "0" -> Optional.of(false);
            case "1" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    static Optional<Long> count(String text) {
        try {
            long n = Long.parseLong(text.strip());
            return n >= 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> uptime(String text) {
        String[] fields = text.strip().split("\\s+");
        try {
            double seconds = Double.parseDouble(fields[0]);
            return seconds >= 0 && !Double.isInfinite(seconds)
                    ? Optional.of(Duration.ofMillis(Math.round(seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> lastComponent(String path) {
        return validDeviceName(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Optional<String> validDeviceName(String name) {
        return DEVICE_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    private static String excerpt(String text) {
        // Garbage from a failing sensor may hold NULs and escapes; the journal gets them as '?'.
        String line = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'";
    }
}
