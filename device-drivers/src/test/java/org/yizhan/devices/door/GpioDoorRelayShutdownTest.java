package org.yizhan.devices.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM shutdown hook: a kiosk stopped by SIGTERM (systemd's stop and restart) leaves the door locked. */
class GpioDoorRelayShutdownTest {

    @Test
    void a_kiosk_stopped_with_sigterm_locks_the_open_door() throws IOException, InterruptedException {
        // given a kiosk process holding the door open
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process kiosk = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DoorShutdownProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("open")) {
                lines.add(line);
            }
            assertEquals(List.of("relay line HIGH"), lines, "before the door was reported open");

            // when systemd stops it (through the handle: Process.destroy would close our end of its output)
            kiosk.toHandle().destroy();

            // then the relay line went low before the process ended
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            assertTrue(kiosk.waitFor(30, TimeUnit.SECONDS), "the kiosk did not stop");
        }
        assertEquals(List.of("relay line HIGH", "relay line LOW"), lines);
    }
}
