package org.yizhan.launcher.qr;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan qr bench [--frames N] [--seed S]}: the camera decoding benchmark ({@link QrDecodeBenchmark}).
 * The table goes to stdout, progress to stderr.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Decodes generated hard 640×480 frames (dark mode, glare, blur, tilt, low contrast, small,"
                + " noise, combinations, and empty ones) with the kiosk's decoder, plain ZXing and zbarimg,",
                "and prints frames read correctly and frames per second for each."})
public final class QrBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--frames", defaultValue = "30", paramLabel = "N",
            description = "Frames per category (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the frame generator: the same seed, the same frames (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--zbarimg", defaultValue = "zbarimg", paramLabel = "PATH",
            description = "The zbarimg to compare with: looked up on PATH when a bare name; 'none' to leave it out"
                    + " (default: ${DEFAULT-VALUE}).")
    private String zbarimg;

    @Override
    public Integer call() throws Exception {
        if (frames < 1) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": --frames must be at least 1, not " + frames);
            return 1;
        }
        Optional<ZbarImg> zbar = "none".equals(zbarimg) ? Optional.empty() : ZbarImg.find(zbarimg);
        QrDecodeBenchmark benchmark = new QrDecodeBenchmark(frames, seed, zbar, spec.commandLine().getErr());
        QrDecodeBenchmark.print(benchmark.run(), spec.commandLine().getOut());
        return 0;
    }
}
