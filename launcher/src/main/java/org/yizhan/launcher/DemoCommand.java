package org.yizhan.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.ui.Display;
import org.yizhan.kiosk.ui.KioskWindow;
import org.yizhan.kiosk.ui.demo.SimulatedScan;
import org.yizhan.launcher.broker.EmbeddedBroker;
import org.yizhan.launcher.fleet.DemoConsole;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassQrCode;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan demo}: everything with no configuration. Creates the demo site in the data directory,
 * issues three demo passes (printed, and written as QR images), starts the embedded MQTT broker on
 * 127.0.0.1 (port 1883, or a free one when that is taken), and opens the kiosk window on simulated devices,
 * connected to that broker, with a simulated scanner window beside it that presents the passes and a few
 * bad codes, and the fleet console on the same broker ({@link DemoConsole}, http://127.0.0.1:8080). Closing the
 * kiosk window says goodbye to the broker; the console stays, showing the kiosk offline, until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Opens a simulated kiosk on the demo site, with three demo passes to scan,"
                + " connected to an embedded MQTT broker on 127.0.0.1.")
final class DemoCommand implements Callable<Integer> {

    private static final List<DemoPass> PASSES = List.of(
            new DemoPass("demo-rider", VisitorCategory.RIDER, "骑手通行码 · Rider pass"),
            new DemoPass("demo-resident", VisitorCategory.RESIDENT, "居民通行码 · Resident pass"),
            new DemoPass("demo-courier", VisitorCategory.COURIER, "快递员通行码 · Courier pass"));

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "var",
            description = "Data directory of the demo site (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (!Display.available()) {
            spec.commandLine().getErr().println("demo: no display to open the kiosk window on;"
                    + " try ./yizhan kiosk --headless --simulate");
            return 2;
        }
        Path data = dataDir.toAbsolutePath().normalize();
        DemoSite site = DemoSite.ensure(data);
        PassIssuer issuer = new PassIssuer(PassSigningKey.read(site.signingKeyFile()), Clock.systemUTC());
        Path passDir = Files.createDirectories(data.resolve("demo-passes"));
        List<SimulatedScan> scans = new ArrayList<>();
        for (DemoPass pass : PASSES) {
            String token = issuer.issue(pass.subject(), pass.category(), site.siteId(), Duration.ofDays(30));
            Path png = passDir.resolve(pass.category().code() + ".png");
            PassQrCode.writePng(token, png, 400);
            spec.commandLine().getOut().printf("%s pass (%s):%n%s%n%n", pass.category().code(), png, token);
            scans.add(new SimulatedScan(pass.label(), token));
        }
        spec.commandLine().getOut().flush();
        scans.addAll(troublesomeScans(site, scans.get(0).text()));
        // Ctrl-C still closes the console's store and says goodbye to the broker; a window still open is not
        // waited for long.
        try (StopSignal signal = StopSignal.install("yizhan-demo-stop", Duration.ofSeconds(5));
                EmbeddedBroker broker = startBroker();
                DemoConsole console = DemoConsole.start(data, broker.url(), site)) {
            KioskConfig config = kioskConfig(data, broker.url());
            spec.commandLine().getOut().printf("broker: %s (watch it: mosquitto_sub -h 127.0.0.1 -p %d -v -t 'yizhan/#')%n"
                    + "fleet console: %s (log in as %s, password %s)%n"
                    + "send the kiosk a notice: ./yizhan command --key %s --broker %s --kiosk %s notice --zh 你好 --for 10m%n",
                    broker.url(), broker.port(), console.console().uri(), DemoConsole.USER, console.password(),
                    site.commandKeyFile(), broker.url(), config.kiosk());
            spec.commandLine().getOut().flush();
            int status;
            try (KioskAssembly kiosk = KioskAssembly.create(config, DeviceMode.SIMULATED, Clock.systemUTC())) {
                status = KioskWindow.run(kiosk, scans);
            }
            // The console outlives the kiosk, so the maintainer sees it go: offline at once, as it said goodbye.
            spec.commandLine().getOut().printf("the kiosk stopped; the fleet console stays at %s until Ctrl-C%n",
                    console.console().uri());
            spec.commandLine().getOut().flush();
            signal.await();
            return status;
        }
    }

    /**
     * The demo kiosk: the demo site's defaults on the embedded broker, reporting health every 10 s and footfall
     * in one-minute buckets, so the console shows a scan within a minute and a stopped kiosk within seconds.
     */
    static KioskConfig kioskConfig(Path data, String brokerUrl) {
        KioskConfig defaults = KioskConfigFile.load(null, data);
        return defaults.withTelemetry(defaults.telemetry().withBroker(MqttConfig.plain(brokerUrl))
                .withHealthInterval(DemoConsole.HEALTH_INTERVAL).withBucketMinutes(DemoConsole.BUCKET_MINUTES));
    }

    /** On the standard port when it is free, so mosquitto_sub finds it without options; else on any. */
    private static EmbeddedBroker startBroker() throws IOException {
        try {
            return EmbeddedBroker.start(EmbeddedBroker.DEFAULT_PORT);
        } catch (IllegalArgumentException portTaken) {
            return EmbeddedBroker.start(0);
        }
    }

    /** Codes a real window meets too: a forged pass, an expired one, and something that is not a pass. */
    private static List<SimulatedScan> troublesomeScans(DemoSite site, String genuine) {
        int last = genuine.length() - 2;
        // One character of the signature changed, as a forger copying a pass by hand would.
        String forged = genuine.substring(0, last) + (genuine.charAt(last) == 'A' ? 'B' : 'A')
                + genuine.charAt(last + 1);
        Clock twoMonthsAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-60));
        String expired = new PassIssuer(PassSigningKey.read(site.signingKeyFile()), twoMonthsAgo)
                .issue("demo-visitor", VisitorCategory.VISITOR, site.siteId(), Duration.ofDays(30));
        return List.of(
                new SimulatedScan("伪造的通行码 · Forged pass", forged),
                new SimulatedScan("过期的通行码 · Expired pass", expired),
                new SimulatedScan("网址二维码 · A web address", "https://example.com/menu"));
    }

    private record DemoPass(String subject, VisitorCategory category, String label) {
    }
}
