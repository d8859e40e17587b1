package org.yizhan.launcher.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;

/**
 * Scan to green, in process: from handing a scanned pass to the kiosk until the welcome screen is
 * published, which includes verifying the signature and the durable commit of the visit
 * ({@code synchronous=FULL}). Each scan is a different visitor, so every one is a real insert.
 */
final class ScanToGreenBenchmark {

    private final Path dataDir;
    private final int warmup;
    private final int scans;

    ScanToGreenBenchmark(Path dataDir, int warmup, int scans) {
        this.dataDir = dataDir;
        this.warmup = warmup;
        this.scans = scans;
    }

    Percentiles run() {
        DemoSite site = DemoSite.ensure(dataDir);
        PassIssuer issuer = new PassIssuer(PassSigningKey.read(site.signingKeyFile()), Clock.systemUTC());
        List<String> passes = new ArrayList<>();
        for (int i = 0; i < warmup + scans; i++) {
            passes.add(issuer.issue("bench-" + i, VisitorCategory.RIDER, site.siteId(), Duration.ofDays(1)));
        }
        AtomicLong greenAt = new AtomicLong();
        long[] samples = new long[scans];
        try (KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(null, dataDir), DeviceMode.SIMULATED,
                Clock.systemUTC())) {
            kiosk.subscribe(event -> {
                if (event instanceof KioskEvent.ScreenShown shown && shown.state().screen() == Screen.WELCOME) {
                    greenAt.set(System.nanoTime());
                }
            });
            KioskAssembly.await(kiosk.start());
            for (int i = 0; i < passes.size(); i++) {
                greenAt.set(0);
                long start = System.nanoTime();
                KioskAssembly.await(kiosk.scan(passes.get(i)));
                if (greenAt.get() == 0) {
                    throw new IllegalStateException("scan " + i + " did not turn the screen green");
                }
                if (i >= warmup) {
                    samples[i - warmup] = greenAt.get() - start;
                }
            }
        }
        return Percentiles.ofNanos(samples);
    }
}
