package org.yizhan.launcher.fleet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.yizhan.fleet.FleetBackendSettings;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.web.WebSettings;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.fleet.web.auth.PasswordHash;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.files.AtomicFiles;

/**
 * The fleet console of {@code yizhan demo}: on the demo's broker, its data in {@code DATA/fleet}, commands signed
 * with the demo site's key, one maintainer {@value #USER} whose random password is made on first use and kept
 * in {@code DATA/fleet/demo-password} (0600), so a browser that logged in yesterday still can. Served on
 * 127.0.0.1 only, port 8080 or a free one when that is taken.
 *
 * @param console  the running console
 * @param password the demo maintainer's password, to print
 */
public record DemoConsole(FleetConsole console, String password) implements AutoCloseable {

    public static final String USER = "demo";
    static final String PASSWORD_FILE = "demo-password";

    /** How often the demo kiosk reports, so a stopped kiosk shows as lost within half a minute. */
    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(10);
    /** One-minute footfall buckets, so a scan shows in the console's footfall within a minute. */
    public static final int BUCKET_MINUTES = 1;

    public static DemoConsole start(Path data, String brokerUrl, DemoSite site) throws IOException {
        Path dir = Files.createDirectories(data.resolve("fleet"));
        String password = demoPassword(dir.resolve(PASSWORD_FILE));
        Maintainers maintainers = Maintainers.of(Map.of(USER, PasswordHash.create(password.toCharArray())));
        CommandSigningKey key = CommandSigningKey.fromJwk(AtomicFiles.readText(site.commandKeyFile()));
        FleetConnectionSettings ingest = FleetConnectionSettings.anonymous(brokerUrl, "yizhan-demo-console")
                .withPersistentSession(FleetConnectionSettings.DEFAULT_SESSION_EXPIRY);
        FleetConnectionSettings commands = FleetConnectionSettings.anonymous(brokerUrl, "yizhan-demo-console-commands");
        FleetBackendSettings settings = FleetBackendSettings.of(ingest, dir);
        WebSettings web = WebSettings.of(maintainers).withPort(free(WebSettings.DEFAULT_PORT) ? WebSettings.DEFAULT_PORT
                : 0);
        return new DemoConsole(FleetConsole.start(settings, commands, key, web, Clock.systemUTC()), password);
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String demoPassword(Path file) {
        if (Files.exists(file)) {
            return AtomicFiles.readText(file).strip();
        }
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AtomicFiles.writeText(file, password + "\n", AtomicFiles.OWNER_ONLY);
        return password;
    }

    @Override
    public void close() {
        console.close();
    }
}
