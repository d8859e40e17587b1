package org.yizhan.provisioning.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassQrCode;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code passes issue}: signs one pass and prints it, alone, on standard output, so that scripts can capture
 * it; optionally also writes it as a QR code PNG.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Issues a signed visitor pass and prints it on standard output.")
public final class IssueCommand implements Callable<Integer> {

    static final int PNG_SIZE_PIXELS = 512;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private KeySource keySource;

    @Option(names = "--subject", required = true, paramLabel = "ID",
            description = "Pseudonymous visitor id: 1 to 64 of A-Z a-z 0-9 . _ -")
    private String subject;

    @Option(names = "--category", required = true, paramLabel = "CAT", converter = VisitorCategoryConverter.class,
            completionCandidates = CategoryCodes.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    private VisitorCategory category;

    @Option(names = "--valid", required = true, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the pass is valid, e.g. 12h, 30d or PT8H.")
    private Duration validity;

    @Option(names = "--site", paramLabel = "SITE", defaultValue = DemoSite.SITE_ID,
            description = "Site id written as the issuer (default: ${DEFAULT-VALUE}).")
    private String site;

    @Option(names = "--png", paramLabel = "FILE", description = "Also write the pass as a QR code PNG.")
    private Path png;

    static final class KeySource {

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The site's private key (JWK).")
        private Path keyFile;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Use the demo site in DIR, creating its key on first use.")
        private Path dataDir;
    }

    static final class CategoryCodes extends ArrayList<String> {

        CategoryCodes() {
            for (VisitorCategory category : VisitorCategory.values()) {
                add(category.code());
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PassSigningKey key;
        try {
            Path keyFile = keySource.keyFile != null ? keySource.keyFile : DemoSite.ensure(keySource.dataDir).signingKeyFile();
            key = PassSigningKey.read(keyFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        String pass;
        try {
            pass = new PassIssuer(key, Clock.systemUTC()).issue(subject, category, site, validity);
        } catch (IllegalArgumentException e) {
            // the key is fine, so what the issuer refuses is one of the arguments
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (png != null) {
            try {
                PassQrCode.writePng(pass, png, PNG_SIZE_PIXELS);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
        out.println(pass);
        out.flush();
        return 0;
    }
}
