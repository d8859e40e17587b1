package org.yizhan.provisioning.demo;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.provisioning.files.AtomicFiles;
import org.yizhan.provisioning.pass.PassSigningKey;

/**
 * A ready-made site for demonstrations and development: a pass-signing key and a fleet command key under
 * {@code dataDir/keys}, made on first use and reused after, so that passes issued yesterday still verify
 * today and {@code ./yizhan command --key var/keys/command-signing.jwk} reaches the demo kiosk.
 *
 * <p>{@link #ensure} creates missing directories (the key directory owner-only on POSIX), the private key
 * ({@code 0600}) and the trusted keys file; it never replaces an existing key, and rewrites only a missing
 * trusted keys file. The revocation file is not created: a missing file means nothing is revoked. Several
 * processes starting at once end up with the same key: the key file is created exclusively and the loser
 * reads the winner's.
 *
 * @param siteId          always {@value #SITE_ID}
 * @param signingKeyFile  {@code dataDir/keys/pass-signing.jwk}
 * @param trustedKeysFile {@code dataDir/keys/trusted-pass-keys.jwks}
 * @param revocationFile  {@code dataDir/revoked-passes.txt}
 * @param commandKeyFile  {@code dataDir/keys/command-signing.jwk}, the demo fleet's command key
 * @param trustedCommandKeysFile {@code dataDir/keys/trusted-command-keys.jwks}, its public half
 */
public record DemoSite(String siteId, Path signingKeyFile, Path trustedKeysFile, Path revocationFile,
        Path commandKeyFile, Path trustedCommandKeysFile) {

    public static final String SITE_ID = "demo";
    public static final String SIGNING_KEY_FILE = "pass-signing.jwk";
    public static final String TRUSTED_KEYS_FILE = "trusted-pass-keys.jwks";
    public static final String REVOCATION_FILE = "revoked-passes.txt";
    public static final String COMMAND_KEY_FILE = "command-signing.jwk";
    public static final String TRUSTED_COMMAND_KEYS_FILE = "trusted-command-keys.jwks";

    public DemoSite {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        Objects.requireNonNull(trustedKeysFile, "trustedKeysFile");
        Objects.requireNonNull(revocationFile, "revocationFile");
        Objects.requireNonNull(commandKeyFile, "commandKeyFile");
        Objects.requireNonNull(trustedCommandKeysFile, "trustedCommandKeysFile");
    }

    public static DemoSite ensure(Path dataDir) {
        Path keys = dataDir.resolve("keys");
        DemoSite site = new DemoSite(SITE_ID, keys.resolve(SIGNING_KEY_FILE), keys.resolve(TRUSTED_KEYS_FILE),
                dataDir.resolve(REVOCATION_FILE), keys.resolve(COMMAND_KEY_FILE), keys.resolve(TRUSTED_COMMAND_KEYS_FILE));
        createDirectories(keys);
        PassSigningKey key = Files.exists(site.signingKeyFile()) ? PassSigningKey.read(site.signingKeyFile())
                : createKey(site.signingKeyFile());
        if (!Files.exists(site.trustedKeysFile())) {
            key.trustedKeys().write(site.trustedKeysFile());
        }
        CommandSigningKey commandKey = Files.exists(site.commandKeyFile())
                ? CommandSigningKey.fromJwk(read(site.commandKeyFile())) : createCommandKey(site.commandKeyFile());
        if (!Files.exists(site.trustedCommandKeysFile())) {
            write(site.trustedCommandKeysFile(), commandKey.trusted().jwks(), false);
        }
        return site;
    }

    private static CommandSigningKey createCommandKey(Path file) {
        CommandSigningKey key = CommandSigningKey.generate();
        try {
            write(file, key.privateJwk(), true);
            return key;
        } catch (UncheckedIOException e) {
            if (Files.exists(file)) {
                return CommandSigningKey.fromJwk(read(file));
            }
            throw e;
        }
    }

    private static String read(Path file) {
        return AtomicFiles.readText(file);
    }

    private static void write(Path file, String text, boolean secret) {
        AtomicFiles.writeNewText(file, text + "\n", secret ? AtomicFiles.OWNER_ONLY : AtomicFiles.PUBLIC);
    }

    private static PassSigningKey createKey(Path file) {
        PassSigningKey key = PassSigningKey.generate();
        try {
            key.write(file);
            return key;
        } catch (UncheckedIOException e) {
            if (Files.exists(file)) {
                // another process created it between our check and our write; use theirs
                return PassSigningKey.read(file);
            }
            throw e;
        }
    }

    private static void createDirectories(Path keys) {
        AtomicFiles.createPrivateDirectory(keys.toAbsolutePath());
    }
}
