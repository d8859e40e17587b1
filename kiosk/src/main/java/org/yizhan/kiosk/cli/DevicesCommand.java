package org.yizhan.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yizhan.devices.entry.EntryListener;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.help.HelpButtonListener;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.devices.KioskDevices;
import org.yizhan.protocol.ShortDuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan devices}: opens the configured devices, lets them settle, and lists each with its state,
 * since when, and its last error — what a maintainer runs after wiring a kiosk. It opens the devices
 * itself, so on a kiosk whose service is running the GPIO lines and the scanner show as busy: stop the
 * service first. Exit code 0 when every device is connected, 1 otherwise.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"Lists the configured devices and their status: connected, degraded or absent.",
            "Stop the kiosk service first: it holds the devices."})
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private KioskCommand.Location location;

    @Option(names = "--simulate", description = "The simulated twins, as `kiosk --simulate` has them.")
    private boolean simulate;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "3s",
            description = "How long devices get to connect before the list is printed (default: ${DEFAULT-VALUE}).")
    private String settle;

    @Option(names = "--json", description = "One JSON object per device instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Duration wait = ShortDuration.parse(settle);
        KioskConfig config = location.config();
        Clock clock = Clock.systemUTC();
        DeviceStatusBoard board = new DeviceStatusBoard(clock);
        List<DeviceStatus> statuses;
        try (KioskDevices devices = simulate
                ? KioskDevices.simulated(config.devices(), board, GpioTime.shared(), clock)
                : KioskDevices.real(config.devices(), board, clock)) {
            Echo echo = new Echo(spec.commandLine().getErr());
            devices.start(echo, echo, echo, echo::measurements);
            // Real devices look for their hardware on their own threads; give them the time a replug gets.
            Thread.sleep(wait.toMillis());
            statuses = board.snapshot();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (DeviceStatus status : statuses) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("device", status.device());
                line.put("state", status.state().code());
                line.put("since", status.since().toString());
                line.put("error", status.lastError());
                out.println(mapper.writeValueAsString(line));
            }
        } else {
            out.println(table(statuses));
        }
        out.flush();
        return statuses.stream().allMatch(s -> s.state() == DeviceState.CONNECTED) ? 0 : 1;
    }

    static String table(List<DeviceStatus> statuses) {
        int width = Math.max("DEVICE".length(), statuses.stream().mapToInt(s -> s.device().length()).max().orElse(0));
        String format = "%-" + width + "s  %-9s  %-20s  %s";
        StringBuilder table = new StringBuilder(String.format(format, "DEVICE", "STATE", "SINCE", "LAST ERROR").strip());
        for (DeviceStatus s : statuses) {
            table.append('\n').append(String.format(format, s.device(), s.state().code(),
                    s.since().truncatedTo(ChronoUnit.SECONDS),
                    s.lastError() == null ? "-" : s.lastError()).strip());
        }
        return table.toString();
    }

    /** What the devices sense while they settle, on stderr: a maintainer can scan a pass or press help to test. */
    private static final class Echo implements QrScanListener, EntryListener, HelpButtonListener {

        private final PrintWriter err;

        Echo(PrintWriter err) {
            this.err = err;
        }

        private synchronized void say(String line) {
            err.println(line);
            err.flush();
        }

        @Override
        public void scanned(String code) {
            say("scanner read a code of " + code.length() + " characters");
        }

        @Override
        public void refused(String reason) {
            say("scanner refused a code: " + reason);
        }

        @Override
        public void entered(Instant at) {
            say("entry sensed");
        }

        @Override
        public void pressed(Instant at) {
            say("help button pressed");
        }

        @Override
        public void longPressed(Instant at) {
            say("help button held (long press)");
        }

        MeasurementListener measurements(String device) {
            return new MeasurementListener() {
                @Override
                public void measured(Measurement measurement) {
                    say(device + " measured: " + measurement);
                }

                @Override
                public void rejected(FrameRejection rejection) {
                    say(device + " sent a frame that was rejected: " + rejection.describe());
                }
            };
        }
    }
}
