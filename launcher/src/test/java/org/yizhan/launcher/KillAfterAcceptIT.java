package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;

/**
 * "Nothing acknowledged is lost": a headless kiosk in its own JVM is killed with SIGKILL the moment it
 * reports a check-in as accepted — sometimes with more scans still in flight — and every visit it
 * accepted must be in the visit log afterwards, in a database that passes SQLite's integrity check.
 */
class KillAfterAcceptIT {

    private static final int ROUNDS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void a_visit_reported_as_accepted_survives_an_immediate_kill() throws Exception {
        PassIssuer issuer = new PassIssuer(PassSigningKey.read(DemoSite.ensure(data).signingKeyFile()),
                Clock.systemUTC());
        Set<String> acknowledged = new HashSet<>();
        int subject = 0;

        for (int round = 0; round < ROUNDS; round++) {
            // Odd rounds queue more scans behind the first, so the kill also lands mid-transaction.
            int inFlight = round % 2 == 0 ? 1 : 5;
            List<String> passes = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                passes.add(issuer.issue("kill-" + subject++, VisitorCategory.RIDER, "demo", Duration.ofDays(1)));
            }
            acknowledged.add(runAndKillAfterFirstAccept(passes));
        }

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kiosk.db"));
                Statement sql = db.createStatement()) {
            try (ResultSet integrity = sql.executeQuery("PRAGMA integrity_check")) {
                assertTrue(integrity.next());
                assertEquals("ok", integrity.getString(1));
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet ids = sql.executeQuery("SELECT id FROM visit")) {
                while (ids.next()) {
                    stored.add(ids.getString(1));
                }
            }
            for (String id : acknowledged) {
                assertTrue(stored.contains(id), "accepted visit " + id + " was lost by the kill");
            }
            assertEquals(ROUNDS, acknowledged.size());
        }
    }

    private String runAndKillAfterFirstAccept(List<String> passes) throws Exception {
        Process kiosk = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Yizhan.class.getName(), "kiosk", "--headless", "--simulate", "--data", data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader events = new BufferedReader(
                new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream commands = kiosk.getOutputStream();
            for (String pass : passes) {
                commands.write(("scan " + pass + "\n").getBytes(StandardCharsets.UTF_8));
            }
            commands.flush();
            String line;
            while ((line = events.readLine()) != null) {
                JsonNode event = JSON.readTree(line);
                if (event.get("event").asText().equals("check-in")) {
                    assertEquals("accepted", event.get("result").asText(), line);
                    kiosk.destroyForcibly();
                    return event.get("visitId").asText();
                }
            }
        } finally {
            kiosk.destroyForcibly();
            assertTrue(kiosk.waitFor(30, TimeUnit.SECONDS), "the kiosk did not die");
        }
        assertFalse(true, "the kiosk ended without accepting a check-in");
        return null;
    }
}
