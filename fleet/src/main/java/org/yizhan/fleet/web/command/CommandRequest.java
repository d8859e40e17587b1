package org.yizhan.fleet.web.command;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.yizhan.protocol.command.CommandArgs;

/**
 * A command as a maintainer asks for it, from the kiosk page's form or the JSON API
 * ({@code CommandRequest} in openapi.yaml). Only the commands that are safe to click are offered: restart,
 * resync, notice and diagnostics; {@code config-set} stays on the command line.
 *
 * @param name     restart, resync, notice or diagnostics
 * @param zh       the notice's Chinese text (required for a notice)
 * @param en       the notice's English text; null or blank for none
 * @param minutes  how long the notice shows, 1 minute to 7 days; used when {@code until} is null (default 60)
 * @param until    when the notice disappears
 * @param logLines how many log lines diagnostics returns, 0–1000; null for the kiosk's default
 */
public record CommandRequest(String name, String zh, String en, Integer minutes, Instant until, Integer logLines) {

    static final int DEFAULT_NOTICE_MINUTES = 60;
    static final int MAX_NOTICE_MINUTES = 7 * 24 * 60;

    /**
     * The arguments to send.
     *
     * @throws IllegalArgumentException with a message for the maintainer
     */
    public CommandArgs toArgs(Instant now) {
        String code = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (code) {
            case "restart" -> new CommandArgs.Restart();
            case "resync" -> new CommandArgs.Resync();
            case "diagnostics" -> new CommandArgs.Diagnostics(logLines);
            case "notice" -> notice(now);
            default -> throw new IllegalArgumentException("'" + name + "' is not a command the console sends; choose"
                    + " restart, resync, notice or diagnostics");
        };
    }

    private CommandArgs.Notice notice(Instant now) {
        Instant end = until;
        if (end == null) {
            int length = minutes == null ? DEFAULT_NOTICE_MINUTES : minutes;
            if (length < 1 || length > MAX_NOTICE_MINUTES) {
                throw new IllegalArgumentException("a notice shows for 1 minute to 7 days, not " + length + " minutes");
            }
            // whole seconds: the kiosk shows the time, and nanoseconds would only make it harder to read
            end = now.plus(Duration.ofMinutes(length)).truncatedTo(ChronoUnit.SECONDS);
        }
        String english = en == null || en.isBlank() ? null : en.strip();
        return new CommandArgs.Notice(zh == null ? null : zh.strip(), english, end);
    }
}
