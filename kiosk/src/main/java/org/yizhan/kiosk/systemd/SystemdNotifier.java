package org.yizhan.kiosk.systemd;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the kiosk is doing, through libsystemd's {@code sd_notify} (the JDK has no Unix datagram
 * sockets): {@code READY=1} once the kiosk runs, {@code WATCHDOG=1} from then on, {@code STOPPING=1} on the way out.
 * The unit is {@code Type=notify} with {@code WatchdogSec=30} and {@code NotifyAccess=all} (the JVM is cage's
 * child, not the unit's main process), so a kiosk whose pings stop is killed and started again.
 *
 * <p>Exists only under systemd: {@link #fromEnvironment} is empty without {@code NOTIFY_SOCKET} (a developer's
 * shell, a test) or without libsystemd. A failed notification is logged once and otherwise ignored: the
 * watchdog, not the kiosk, decides what a missing ping means. Thread-safe.
 */
public final class SystemdNotifier {

    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);

    /** libsystemd's one function the kiosk needs. */
    interface LibSystemd extends Library {
        int sd_notify(int unsetEnvironment, String state);
    }

    private final LibSystemd systemd;
    private final Duration watchdogInterval;
    private volatile boolean warned;

    SystemdNotifier(LibSystemd systemd, Duration watchdogInterval) {
        this.systemd = systemd;
        this.watchdogInterval = watchdogInterval;
    }

    /** The notifier when systemd supervises this process and libsystemd loads; else empty. */
    public static Optional<SystemdNotifier> fromEnvironment(Map<String, String> environment) {
        if (environment.get("NOTIFY_SOCKET") == null) {
            return Optional.empty();
        }
        try {
            LibSystemd systemd = Native.load("systemd", LibSystemd.class);
            return Optional.of(new SystemdNotifier(systemd, pingInterval(environment.get("WATCHDOG_USEC"))));
        } catch (UnsatisfiedLinkError e) {
            log.warn("systemd asks for notifications (NOTIFY_SOCKET) but libsystemd cannot be loaded: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * How often to ping: half the watchdog's timeout, as sd_watchdog_enabled(3) advises, so one late ping is
     * not fatal; 15 s when the unit sets no watchdog (the pings are then harmless and cheap).
     */
    static Duration pingInterval(String watchdogMicros) {
        if (watchdogMicros != null) {
            try {
                long micros = Long.parseLong(watchdogMicros.strip());
                if (micros > 0) {
                    return Duration.ofNanos(micros * 1000 / 2);
                }
            } catch (NumberFormatException e) {
                // systemd writes a number; anything else is somebody's typo, and the default is safe
            }
        }
        return Duration.ofSeconds(15);
    }

    public Duration watchdogInterval() {
        return watchdogInterval;
    }

    public void ready() {
        notify("READY=1\nSTATUS=checking in visitors");
    }

    public void watchdog() {
        notify("WATCHDOG=1");
    }

    public void stopping() {
        notify("STOPPING=1");
    }

    private void notify(String state) {
        int result = systemd.sd_notify(0, state);
        if (result <= 0 && !warned) {
            warned = true;
            log.warn("sd_notify({}) returned {}: systemd did not get it", state.lines().findFirst().orElse(""),
                    result);
        }
    }
}
