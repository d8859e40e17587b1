package org.yizhan.fleet.web.command;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.web.auth.AccessGuard;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.topic.KioskId;

/**
 * Sending commands from the console. The kiosk page's forms post to {@code /kiosks/{site}/{kiosk}/commands} and
 * come back to the page, where the command's row fills in when the answer arrives (live updates); scripts use
 * {@code POST /api/v1/kiosks/{site}/{kiosk}/commands}, which answers 202 with the command's status and its
 * {@code Location}, {@code GET /api/v1/commands/{id}}. Both need the session's CSRF token (AccessGuard).
 * A kiosk the console never heard of is 404; arguments a kiosk would refuse are 400, before anything is sent.
 */
public final class CommandRoutes {

    private final FleetView view;
    private final SentCommands sent;
    private final Clock clock;

    public CommandRoutes(FleetView view, SentCommands sent, Clock clock) {
        this.view = Objects.requireNonNull(view, "view");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/kiosks/{site}/{kiosk}/commands", this::sendFromForm);
        routes.post("/api/v1/kiosks/{site}/{kiosk}/commands", this::sendFromJson);
        routes.get("/api/v1/commands/{id}", this::status);
    }

    private void sendFromForm(Context ctx) {
        Optional<KioskId> kiosk = knownKiosk(ctx);
        if (kiosk.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("no such kiosk");
            return;
        }
        CommandArgs args;
        try {
            CommandRequest request = new CommandRequest(ctx.formParam("name"), ctx.formParam("zh"),
                    ctx.formParam("en"), integer(ctx.formParam("minutes")), null, integer(ctx.formParam("logLines")));
            args = request.toArgs(clock.instant());
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        sent.send(kiosk.get(), args, AccessGuard.session(ctx).maintainer());
        ctx.redirect("/kiosks/" + kiosk.get().site() + "/" + kiosk.get().kiosk() + "#commands", HttpStatus.SEE_OTHER);
    }

    private void sendFromJson(Context ctx) {
        Optional<KioskId> kiosk = knownKiosk(ctx);
        if (kiosk.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not-found", "message", "no such kiosk"));
            return;
        }
        CommandArgs args;
        try {
            args = ctx.bodyAsClass(CommandRequest.class).toArgs(clock.instant());
        } catch (RuntimeException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "bad-request", "message",
                    String.valueOf(e.getMessage())));
            return;
        }
        CommandStatus status = sent.send(kiosk.get(), args, AccessGuard.session(ctx).maintainer());
        ctx.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/commands/" + status.id()).json(status);
    }

    private void status(Context ctx) {
        Optional<CommandStatus> status = sent.find(ctx.pathParam("id"));
        if (status.isPresent()) {
            ctx.json(status.get());
        } else {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not-found", "message",
                    "no such command among the last " + SentCommands.KEPT + " sent from this console"));
        }
    }

    private Optional<KioskId> knownKiosk(Context ctx) {
        try {
            KioskId id = new KioskId(ctx.pathParam("site"), ctx.pathParam("kiosk"));
            return view.kiosk(id, 0).map(detail -> id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
