package org.yizhan.kiosk.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {

    @TempDir
    Path tmp;

    @Test
    void outside_systemd_there_is_nobody_to_notify() {
        assertTrue(SystemdNotifier.fromEnvironment(Map.of("HOME", "/var/lib/yizhan")).isEmpty());
    }

    @Test
    void the_kiosk_pings_twice_per_watchdog_timeout_and_every_15_s_without_one() {
        assertEquals(Duration.ofSeconds(15), SystemdNotifier.pingInterval("30000000"));
        assertEquals(Duration.ofMillis(2500), SystemdNotifier.pingInterval("5000000"));
        assertEquals(Duration.ofSeconds(15), SystemdNotifier.pingInterval(null));
        assertEquals(Duration.ofSeconds(15), SystemdNotifier.pingInterval("thirty"));
    }

    /**
     * The real libsystemd sends what systemd's notify socket would get: a Unix datagram socket bound by a small
     * Python listener (the JDK cannot bind one), given to a child JVM as {@code NOTIFY_SOCKET}, since
     * {@code sd_notify} reads the process environment. Skips without python3 or libsystemd.
     */
    @Test
    void ready_watchdog_and_stopping_reach_the_notify_socket() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/bin/python3")), "python3 is not installed");
        Path socket = tmp.resolve("notify.sock");
        Path received = tmp.resolve("received.txt");
        Process listener = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
                "s.bind(sys.argv[1])",
                "s.settimeout(20)",
                "with open(sys.argv[2], 'w') as out:",
                "    for _ in range(3):",
                "        out.write(s.recv(4096).decode() + '\\n---\\n')",
                "        out.flush()"), socket.toString(), received.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(socket)) {
                assertTrue(listener.isAlive() && System.nanoTime() < deadline, "the listener did not bind");
                Thread.sleep(20);
            }
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName()).redirectErrorStream(true);
            child.environment().put("NOTIFY_SOCKET", socket.toString());
            child.environment().put("WATCHDOG_USEC", "30000000");
            Process notifying = child.start();
            String output = new String(notifying.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(notifying.waitFor(30, TimeUnit.SECONDS));
            assumeTrue(!output.contains("no libsystemd"), "libsystemd is not installed");
            assertEquals(0, notifying.exitValue(), output);
            assertTrue(listener.waitFor(20, TimeUnit.SECONDS), "the listener got fewer than three messages");

            List<String> messages = List.of(Files.readString(received).split("\n---\n"));
            assertEquals(List.of("READY=1\nSTATUS=checking in visitors", "WATCHDOG=1", "STOPPING=1"), messages);
        } finally {
            listener.destroy();
        }
    }

    /** The notifying process: as the kiosk does under systemd. */
    public static final class Child {
        public static void main(String[] args) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(System.getenv()).orElse(null);
            if (notifier == null) {
                System.out.println("no libsystemd");
                return;
            }
            if (!notifier.watchdogInterval().equals(Duration.ofSeconds(15))) {
                System.exit(3);
            }
            notifier.ready();
            notifier.watchdog();
            notifier.stopping();
        }
    }
}
