package org.yizhan.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.RejectionReason;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;

class ReplyTextTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:40:00Z");
    private static final Command RESTART = Command.create(KioskId.parse("demo/kiosk-1"), new CommandArgs.Restart(),
            NOW, Duration.ofMinutes(5));

    @Test
    void a_rejection_reads_reason_then_message() {
        CommandResult result = CommandResult.rejected(Envelope.next(1, NOW), "restart",
                new Verification.Rejected(RejectionReason.EXPIRED, "expired at 2026-03-02T08:45:00Z", RESTART.id()));

        assertEquals("rejected: expired — expired at 2026-03-02T08:45:00Z", ReplyText.of(result));
    }

    @Test
    void a_failure_reads_reason_then_message() {
        CommandResult result = CommandResult.failed(Envelope.next(1, NOW), RESTART, CommandResult.EXECUTION_FAILED,
                "systemctl is not there");

        assertEquals("failed: execution-failed — systemctl is not there", ReplyText.of(result));
    }

    @Test
    void nested_results_are_indented_and_empty_ones_written_as_such() {
        Map<String, Object> produced = new LinkedHashMap<>();
        Map<String, Object> scanner = new LinkedHashMap<>();
        scanner.put("device", "scanner");
        scanner.put("state", "absent");
        scanner.put("lastError", Map.of("code", "not-found"));
        produced.put("devices", List.of(scanner, "door", List.of("a", "b")));
        produced.put("logLines", List.of());
        produced.put("cpuCelsius", null);
        CommandResult result = CommandResult.ok(Envelope.next(1, NOW), RESTART, "", produced);

        assertEquals(String.join("\n",
                "ok",
                "devices:",
                "  - device: scanner",
                "    state: absent",
                "    lastError:",
                "      code: not-found",
                "  - door",
                "  -",
                "    - a",
                "    - b",
                "logLines: []",
                "cpuCelsius: null"), ReplyText.of(result));
    }
}
