package org.yizhan.launcher.qr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan qr decode FILE…}: one line per file on stdout, in the order given: {@code FILE<TAB>TEXT}, or
 * {@code FILE<TAB>-} when no code is found. A file that cannot be read (missing, not an image) also gets
 * {@code FILE<TAB>-}, plus one line on stderr saying why, and makes the exit status 1 once all files are
 * done. Control characters in a decoded text are written as {@code \n}, {@code \t}, {@code \r} or
 * {@code \}{@code uXXXX}, so that every result stays one line.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Prints FILE<TAB>TEXT for the QR code in each image, FILE<TAB>- when there is none.",
                "Uses the kiosk's camera decoder; large photos are scaled down first."})
public final class QrDecodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Images: PNG, JPEG, GIF or BMP.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImageQrReader reader = new ImageQrReader();
        int status = 0;
        for (Path file : files) {
            Optional<String> text;
            try {
                text = reader.read(file);
            } catch (ImageQrReader.UnreadableImageException e) {
                out.println(file + "\t-");
                out.flush();
                err.println(spec.qualifiedName() + ": " + file + ": " + e.getMessage());
                err.flush();
                status = 1;
                continue;
            }
            out.println(file + "\t" + text.map(QrDecodeCommand::oneLine).orElse("-"));
            out.flush();
        }
        return status;
    }

    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\t' -> line.append("\\t");
                case '\r' -> line.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }
}
