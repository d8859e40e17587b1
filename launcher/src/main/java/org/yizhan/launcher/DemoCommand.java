package org.yizhan.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.KioskDevices;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.ui.Display;
import org.yizhan.kiosk.ui.KioskWindow;
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
 * issues three demo passes (printed, and written as QR images), and opens the kiosk window on simulated
 * devices.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Opens a simulated kiosk on the demo site, with three demo passes to scan.")
final class DemoCommand implements Callable<Integer> {

    private static final List<DemoPass> PASSES = List.of(
            new DemoPass("demo-rider", VisitorCategory.RIDER),
            new DemoPass("demo-resident", VisitorCategory.RESIDENT),
            new DemoPass("demo-courier", VisitorCategory.COURIER));

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
        for (DemoPass pass : PASSES) {
            String token = issuer.issue(pass.subject(), pass.category(), site.siteId(), Duration.ofDays(30));
            Path png = passDir.resolve(pass.category().code() + ".png");
            PassQrCode.writePng(token, png, 400);
            spec.commandLine().getOut().printf("%s pass (%s):%n%s%n%n", pass.category().code(), png, token);
        }
        spec.commandLine().getOut().flush();
        KioskConfig config = KioskConfigFile.load(null, data);
        try (KioskAssembly kiosk = KioskAssembly.create(config, KioskDevices.simulated(), Clock.systemUTC())) {
            return KioskWindow.run(kiosk);
        }
    }

    private record DemoPass(String subject, VisitorCategory category) {
    }
}
