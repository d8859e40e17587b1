package org.yizhan.launcher.qr;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yizhan.provisioning.pass.PassQrCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan qr encode TEXT --out FILE.png [--size PX]}: writes {@code TEXT} as a QR code exactly as the
 * pass issuer draws a pass ({@link PassQrCode}: error correction M, a four-module quiet zone, a mask that
 * reads back). Prints nothing; a failure is one line on stderr and exit status 1.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Writes TEXT as a QR code PNG, drawn as the pass issuer draws passes.")
public final class QrEncodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEXT", description = "What the code holds.")
    private String text;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG file to write.")
    private Path out;

    @Option(names = "--size", defaultValue = "400", paramLabel = "PX",
            description = "Side of the image in pixels, more if the code needs it (default: ${DEFAULT-VALUE}).")
    private int size;

    @Override
    public Integer call() {
        try {
            PassQrCode.writePng(text, out, size);
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
    }
}
