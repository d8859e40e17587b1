package org.yizhan.provisioning.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassSigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passes keygen --out DIR}: a new site signing key. Never replaces an existing key or trust file, since
 * every pass signed by the old key would stop working.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Creates a site's pass signing key and the trust file for its kiosks.",
                "Writes DIR/" + DemoSite.SIGNING_KEY_FILE + " (owner-only; keep it secret) and DIR/"
                        + DemoSite.TRUSTED_KEYS_FILE + " (its public key; copy it to the kiosks).",
                "Never overwrites either file."})
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the key files to.")
    private Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path keyFile = outDir.resolve(DemoSite.SIGNING_KEY_FILE);
        Path trustedFile = outDir.resolve(DemoSite.TRUSTED_KEYS_FILE);
        for (Path existing : new Path[] {keyFile, trustedFile}) {
            if (Files.exists(existing)) {
                err.println("refusing to overwrite " + existing);
                return 1;
            }
        }
        PassSigningKey key = PassSigningKey.generate();
        try {
            Files.createDirectories(outDir);
            key.write(keyFile);
            key.trustedKeys().write(trustedFile);
        } catch (IOException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("created pass signing key " + key.keyId() + ": " + keyFile + " (secret), " + trustedFile
                + " (for the kiosks)");
        out.flush();
        return 0;
    }
}
