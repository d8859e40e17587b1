package org.yizhan.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.contract.ExampleMessages;
import org.yizhan.protocol.message.Envelope;

class CommandResultTest {

    private static final Envelope ENVELOPE = Envelope.next(9, Instant.parse("2026-03-02T08:40:01Z"));

    @Test
    void a_rejection_answers_with_its_code_detail_and_the_claimed_id() {
        Verification.Rejected rejected = new Verification.Rejected(RejectionReason.EXPIRED, "valid until …",
                "01KJPV8JR0F8Y1TBHZ99DPRZCF");

        CommandResult result = CommandResult.rejected(ENVELOPE, "restart", rejected);

        assertEquals(CommandOutcome.REJECTED, result.outcome());
        assertEquals("expired", result.reason());
        assertEquals("01KJPV8JR0F8Y1TBHZ99DPRZCF", result.command());
        assertEquals("restart", result.name());
    }

    @Test
    void an_ok_result_carries_no_reason_and_a_failed_one_must() {
        CommandResult ok = CommandResult.ok(ENVELOPE, ExampleMessages.notice(), "shown", null);

        assertNull(ok.reason());
        assertEquals(Map.of(), ok.result());
        assertThrows(IllegalArgumentException.class, () -> new CommandResult(ENVELOPE, null, "restart",
                CommandOutcome.OK, "expired", "x", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new CommandResult(ENVELOPE, null, "restart",
                CommandOutcome.FAILED, null, "x", Map.of()));
        assertEquals("execution-failed", CommandResult.failed(ENVELOPE, ExampleMessages.notice(),
                CommandResult.EXECUTION_FAILED, "screen busy").reason());
    }
}
