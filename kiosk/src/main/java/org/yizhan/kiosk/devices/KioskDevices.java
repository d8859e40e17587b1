package org.yizhan.kiosk.devices;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.buzzer.Buzzer;
import org.yizhan.devices.door.DoorRelay;
import org.yizhan.devices.entry.EntryListener;
import org.yizhan.devices.entry.EntrySensor;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.health.SimulatedHealthDevice;
import org.yizhan.devices.help.HelpButton;
import org.yizhan.devices.help.HelpButtonListener;
import org.yizhan.devices.light.StatusLight;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.qr.QrScanner;
import org.yizhan.devices.qr.SimulatedQrScanner;
import org.yizhan.devices.qr.SimulatedScannerConfig;
import org.yizhan.devices.qr.camera.CameraQrScanner;
import org.yizhan.devices.qr.evdev.EvdevQrScanner;
import org.yizhan.devices.qr.serial.SerialQrScanner;
import org.yizhan.devices.status.DeviceStatusBoard;
import org.yizhan.devices.system.LinuxSystemProbe;
import org.yizhan.devices.system.SimulatedSystemProbe;
import org.yizhan.devices.system.SystemProbe;
import org.yizhan.devices.system.SystemProbeMonitor;
import org.yizhan.devices.voice.JavaSoundVoicePrompts;
import org.yizhan.devices.voice.PromptFiles;
import org.yizhan.devices.voice.SimulatedVoicePrompts;
import org.yizhan.devices.voice.VoicePrompts;
import org.yizhan.devices.wiring.GpioDevices;
import org.yizhan.devices.wiring.SimulatedGpio;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskSignals;

/**
 * The peripherals of one running kiosk, built once at start from a {@link DevicesConfig}: all real, or all
 * simulated twins ({@code --simulate}), never a mix, so a simulated kiosk cannot open a real door.
 *
 * <p>Every device reports on one {@link DeviceStatusBoard} from {@link #start} on. A device that cannot be
 * reached (no pin, no port, no Bluetooth adapter) is reported absent or degraded there and the kiosk runs
 * on without it; building never fails because hardware is missing, only because the configuration is wrong.
 *
 * <p>Threading: real devices call their listeners on their own threads; simulated ones on the thread that
 * drives them, which for the kiosk is the kiosk thread (their timers run on the kiosk clock). {@link
 * #close} locks the door first, then releases everything else.
 */
public final class KioskDevices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskDevices.class);

    private final DeviceStatusBoard board;
    private final Optional<StatusLight> light;
    private final Optional<Buzzer> buzzer;
    private final Optional<DoorRelay> door;
    private final Optional<EntrySensor> entry;
    private final Optional<HelpButton> help;
    private final Optional<QrScanner> scanner;
    private final List<HealthDevice> health;
    private final Optional<VoicePrompts> voice;
    private final Consumer<KioskEvent> screenPrompts;
    private final SystemProbe systemProbe;
    private final DevicesConfig config;
    private final Clock clock;
    private final AutoCloseable gpio;
    private final Optional<DeviceSimulation> simulation;
    private final Map<String, String> kinds;
    private SystemProbeMonitor systemMonitor;

    private KioskDevices(Builder b) {
        this.board = b.board;
        this.light = Optional.ofNullable(b.light);
        this.buzzer = Optional.ofNullable(b.buzzer);
        this.door = Optional.ofNullable(b.door);
        this.entry = Optional.ofNullable(b.entry);
        this.help = Optional.ofNullable(b.help);
        this.scanner = Optional.ofNullable(b.scanner);
        this.health = List.copyOf(b.health);
        this.voice = Optional.ofNullable(b.voice);
        this.screenPrompts = voice.<Consumer<KioskEvent>>map(ScreenPrompts::new).orElse(event -> { });
        this.systemProbe = b.systemProbe;
        this.config = b.config;
        this.clock = b.clock;
        this.gpio = b.gpio;
        this.simulation = Optional.ofNullable(b.simulation);
        Map<String, String> kinds = new LinkedHashMap<>();
        light.ifPresent(d -> kinds.put(StatusLight.NAME, "status-light"));
        buzzer.ifPresent(d -> kinds.put(Buzzer.NAME, "buzzer"));
        door.ifPresent(d -> kinds.put(DoorRelay.NAME, "door-relay"));
        entry.ifPresent(d -> kinds.put(EntrySensor.NAME, "entry-sensor"));
        help.ifPresent(d -> kinds.put(HelpButton.NAME, "help-button"));
        scanner.ifPresent(d -> kinds.put(b.config.scanner().name(), "qr-scanner"));
        b.healthSetups.forEach(h -> kinds.put(h.name(), h.profile().code()));
        voice.ifPresent(v -> kinds.put(VoicePrompts.NAME, "voice"));
        kinds.put(SystemProbe.DEVICE, "system");
        this.kinds = Map.copyOf(kinds);
    }

    /**
     * What each device is, by the name it reports under: {@code qr-scanner}, {@code status-light},
     * {@code buzzer}, {@code door-relay}, {@code entry-sensor}, {@code help-button}, a health profile
     * ({@code blood-pressure}, {@code weight-scale}, {@code thermometer}), {@code voice} or {@code system}.
     */
    public Map<String, String> kinds() {
        return kinds;
    }

    /**
     * Simulated twins of everything: the configured scanner, the five GPIO peripherals and the health
     * devices (a blood pressure monitor, a scale and a thermometer when none are configured), the voice
     * unless {@code voice.enabled=false}, and a healthy Pi. {@code time} drives their timers; {@code clock}
     * is kiosk time.
     */
    public static KioskDevices simulated(DevicesConfig config, DeviceStatusBoard board, GpioTime time, Clock clock) {
        Builder b = new Builder(config, board, clock);
        SimulatedGpio gpio = new SimulatedGpio(config.gpio(), board, time);
        b.gpio = gpio;
        b.light = gpio.light();
        b.buzzer = gpio.buzzer();
        b.door = gpio.door();
        b.entry = gpio.entry();
        b.help = gpio.help();
        ScannerSetup setup = config.scanner();
        SimulatedQrScanner scanner = new SimulatedQrScanner(new SimulatedScannerConfig(setup.name(),
                setup instanceof ScannerSetup.Keyboard ? SimulatedScannerConfig.defaults(setup.name()).repeatWindow()
                        : setup.repeatWindow()), board, clock);
        b.scanner = scanner;
        Map<String, SimulatedHealthDevice> healthDevices = new LinkedHashMap<>();
        List<HealthSetup> setups = config.health().isEmpty() ? DEMO_HEALTH_DEVICES : config.health();
        b.healthSetups.addAll(setups);
        for (HealthSetup health : setups) {
            SimulatedHealthDevice device = new SimulatedHealthDevice(health.name(), board,
                    health.profile().characteristics());
            healthDevices.put(health.name(), device);
            b.health.add(device);
        }
        SimulatedVoicePrompts voice = config.voice() ? new SimulatedVoicePrompts(board) : null;
        b.voice = voice;
        SimulatedSystemProbe probe = new SimulatedSystemProbe(clock);
        b.systemProbe = probe;
        b.simulation = new DeviceSimulation(scanner, gpio, healthDevices, voice, probe);
        return new KioskDevices(b);
    }

    private static final List<HealthSetup> DEMO_HEALTH_DEVICES = List.of(
            new HealthSetup("bp-monitor", HealthProfile.BLOOD_PRESSURE, Optional.empty()),
            new HealthSetup("scale", HealthProfile.WEIGHT_SCALE, Optional.empty()),
            new HealthSetup("thermometer", HealthProfile.THERMOMETER, Optional.empty()));

    /**
     * The real devices of the configuration. GPIO peripherals without a pin are left out; a health device
     * configured as {@code simulated} stays a twin (for a kiosk with no cuff yet), the only twin a real
     * kiosk has. The voice speaks through Java Sound's default output, and is absent where there is none.
     */
    public static KioskDevices real(DevicesConfig config, DeviceStatusBoard board, Clock clock) {
        Builder b = new Builder(config, board, clock);
        GpioDevices gpio = GpioDevices.open(config.gpio(), board);
        b.gpio = gpio;
        b.light = gpio.light().orElse(null);
        b.buzzer = gpio.buzzer().orElse(null);
        b.door = gpio.door().orElse(null);
        b.entry = gpio.entry().orElse(null);
        b.help = gpio.help().orElse(null);
        b.scanner = realScanner(config.scanner(), board, clock);
        b.healthSetups.addAll(config.health());
        for (HealthSetup health : config.health()) {
            b.health.add(health.transport()
                    .map(transport -> transport.create(board))
                    .orElseGet(() -> new SimulatedHealthDevice(health.name(), board,
                            health.profile().characteristics())));
        }
        if (config.voice()) {
            b.voice = new JavaSoundVoicePrompts(PromptFiles.resources(KioskDevices.class, ScreenPrompts.FILES), board);
        }
        b.systemProbe = LinuxSystemProbe.onThisMachine(config.system(), clock);
        return new KioskDevices(b);
    }

    private static QrScanner realScanner(ScannerSetup setup, DeviceStatusBoard board, Clock clock) {
        if (setup instanceof ScannerSetup.Simulated simulated) {
            return new SimulatedQrScanner(new SimulatedScannerConfig(simulated.name(), simulated.repeatWindow()),
                    board, clock);
        } else if (setup instanceof ScannerSetup.Evdev evdev) {
            return new EvdevQrScanner(evdev.config(), board);
        } else if (setup instanceof ScannerSetup.Serial serial) {
            return new SerialQrScanner(serial.config(), board);
        } else if (setup instanceof ScannerSetup.Camera camera) {
            return CameraQrScanner.real(camera.config(), board, clock);
        }
        return null;
    }

    public DeviceStatusBoard board() {
        return board;
    }

    /** What the check-in flow drives. */
    public KioskSignals signals() {
        return KioskSignals.of(light, buzzer, door);
    }

    /** The handles of the simulated devices; empty for a kiosk with real ones. */
    public Optional<DeviceSimulation> simulation() {
        return simulation;
    }

    /** Whether codes come from a scanner of the kiosk's own rather than typed into the window. */
    public boolean hasScanner() {
        return scanner.isPresent();
    }

    public Optional<QrScanner> scanner() {
        return scanner;
    }

    public List<HealthDevice> health() {
        return health;
    }

    /** The voice; empty with {@code voice.enabled=false}. */
    public Optional<VoicePrompts> voice() {
        return voice;
    }

    /**
     * Reads the health check's screens aloud on the voice ({@link ScreenPrompts}); subscribe it to the kiosk's
     * events. Does nothing on a kiosk without a voice.
     */
    public Consumer<KioskEvent> screenPrompts() {
        return screenPrompts;
    }

    /** Entries the entry sensor has counted since start; 0 without a sensor. */
    public long entries() {
        return entry.map(EntrySensor::entries).orElse(0L);
    }

    /** Starts reading every input and probing the system; each device reports its state on the board. */
    public void start(QrScanListener scans, EntryListener entries, HelpButtonListener helpRequests,
            Function<String, MeasurementListener> measurements) {
        scanner.ifPresent(s -> s.start(scans));
        entry.ifPresent(e -> e.start(entries));
        help.ifPresent(h -> h.start(helpRequests));
        for (HealthDevice device : health) {
            device.start(measurements.apply(device.name()));
        }
        systemMonitor = SystemProbeMonitor.start(systemProbe, config.system(), board, clock);
    }

    /** The latest verdict on the Pi itself, once probed. */
    public Optional<SystemProbeMonitor> systemMonitor() {
        return Optional.ofNullable(systemMonitor);
    }

    @Override
    public void close() {
        // The door first: whatever fails below, it must not stay open.
        door.ifPresent(d -> closeQuietly("door", d));
        List<AutoCloseable> rest = new ArrayList<>();
        scanner.ifPresent(rest::add);
        rest.addAll(health);
        voice.ifPresent(rest::add);
        if (systemMonitor != null) {
            rest.add(systemMonitor);
        }
        rest.add(gpio);
        for (AutoCloseable device : rest) {
            closeQuietly(device.getClass().getSimpleName(), device);
        }
    }

    private static void closeQuietly(String what, AutoCloseable device) {
        try {
            device.close();
        } catch (Exception e) {
            log.warn("closing {} failed", what, e);
        }
    }

    private static final class Builder {
        final DevicesConfig config;
        final DeviceStatusBoard board;
        final Clock clock;
        StatusLight light;
        Buzzer buzzer;
        DoorRelay door;
        EntrySensor entry;
        HelpButton help;
        QrScanner scanner;
        final List<HealthDevice> health = new ArrayList<>();
        final List<HealthSetup> healthSetups = new ArrayList<>();
        VoicePrompts voice;
        SystemProbe systemProbe;
        AutoCloseable gpio;
        DeviceSimulation simulation;

        Builder(DevicesConfig config, DeviceStatusBoard board, Clock clock) {
            this.config = config;
            this.board = board;
            this.clock = clock;
        }
    }
}
