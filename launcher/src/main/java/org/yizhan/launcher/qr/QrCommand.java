package org.yizhan.launcher.qr;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan qr}: the kiosk's camera decoder from the command line. {@code decode} is what a support
 * engineer runs on a photo of a pass that "won't scan", {@code encode} makes a code to test with, and
 * {@code bench} measures the decoder against plain ZXing and zbarimg on generated hard frames.
 */
@Command(name = "qr", mixinStandardHelpOptions = true,
        description = "Reads and makes QR codes with the kiosk's camera decoder, and benchmarks it.",
        subcommands = {QrDecodeCommand.class, QrEncodeCommand.class, QrBenchCommand.class})
public final class QrCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: decode, encode or bench");
    }
}
