package org.yizhan.fleet.web.command;

import java.time.Instant;
import java.util.Map;

/**
 * A command sent from the console and how far it got ({@code Command} in openapi.yaml).
 *
 * @param id       the command's id, as the kiosk logs it
 * @param kiosk    {@code site/kiosk}
 * @param name     restart, resync, notice or diagnostics
 * @param summary  its arguments in one line, e.g. the notice's text
 * @param sentBy   the maintainer who sent it
 * @param sentAt   when
 * @param notAfter until when the kiosk may still obey it
 * @param status   {@code waiting}, then {@code ok}, {@code rejected}, {@code failed} (the kiosk answered),
 *                 {@code unreadable} (it answered in a form the console cannot read), {@code no-answer} or
 *                 {@code not-sent} (the broker did not take it)
 * @param reason   the kiosk's reason code when rejected or failed; null otherwise
 * @param message  the kiosk's message, or why there is none; null while waiting
 * @param result   what the command produced (the diagnostics snapshot); empty otherwise
 */
public record CommandStatus(String id, String kiosk, String name, String summary, String sentBy, Instant sentAt,
        Instant notAfter, String status, String reason, String message, Map<String, Object> result) {

    public boolean done() {
        return !status.equals("waiting");
    }
}
