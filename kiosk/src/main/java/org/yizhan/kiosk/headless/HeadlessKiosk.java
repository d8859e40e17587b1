package org.yizhan.kiosk.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.protocol.ShortDuration;

/**
 * Drives a kiosk from text commands, one per line, and writes every kiosk event as one JSON object per
 * line — the same events the window draws. Commands (see {@code docs/headless.md}):
 * {@code scan <text>}, {@code tap <button>}, {@code clock +<duration>}, and on a simulated kiosk
 * {@code ble <characteristic> <hex bytes>}, {@code gpio <input> high|low}, {@code unplug <device>},
 * {@code plug <device>}; {@code devices}; with a broker, {@code flush}; {@code quit}.
 *
 * <p>Each command is handled completely, its events written and flushed, before the next line is read,
 * so a driver that waits for an event knows everything before it has happened. A bad command produces
 * an {@code error} event and the kiosk carries on. End of input ends the kiosk like {@code quit}.
 *
 * <p>Only events go to {@code out}; logs go elsewhere.
 */
public final class HeadlessKiosk {

    private final KioskAssembly kiosk;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public HeadlessKiosk(KioskAssembly kiosk, PrintStream out) {
        this.kiosk = kiosk;
        this.out = out;
        kiosk.subscribe(this::write);
    }

    /** Runs until {@code quit} or end of input. */
    public void run(BufferedReader in) throws IOException {
        KioskAssembly.await(kiosk.start());
        String line;
        while ((line = in.readLine()) != null) {
            if (!handle(line)) {
                return;
            }
        }
    }

    /** Handles one line; false when the kiosk should stop. */
    boolean handle(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (command) {
            case "quit" -> {
                return false;
            }
            case "scan" -> require(argument, "scan <text>", () -> kiosk.scan(argument));
            case "tap" -> require(argument, "tap <button>", () -> kiosk.tap(argument));
            case "clock" -> clock(argument);
            case "ble" -> require(argument, "ble <characteristic> <hex bytes>, like ble 2A35 1E 78 00 50 00 5D 00",
                    () -> ble(argument));
            case "gpio" -> require(argument, "gpio <input> high|low, like gpio entry high", () -> gpio(argument));
            case "unplug" -> require(argument, "unplug <device>",
                    () -> kiosk.simulate(devices -> devices.unplug(argument)));
            case "plug" -> require(argument, "plug <device>", () -> kiosk.simulate(devices -> devices.plug(argument)));
            case "devices" -> kiosk.deviceStatuses().forEach(status -> write(new KioskEvent.DeviceChanged(status)));
            case "flush" -> flush();
            default -> error("unknown command '" + command
                    + "'; commands are scan, tap, clock, ble, gpio, unplug, plug, devices, flush, quit");
        }
        return true;
    }

    /** Closes the footfall bucket now and waits until the publisher has tried to send what waits. */
    private void flush() {
        if (!kiosk.hasTelemetry()) {
            error("flush: this kiosk has no broker; set mqtt.url in its configuration");
            return;
        }
        try {
            write(new KioskEvent.OutboxPending(kiosk.flushTelemetry().get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            error("flush: " + e.getCause().getMessage());
        }
    }

    private void clock(String argument) {
        if (!argument.startsWith("+")) {
            error("clock takes a duration to move forward, like clock +8s or clock +10m");
            return;
        }
        try {
            KioskAssembly.await(kiosk.advanceClock(ShortDuration.parse(argument.substring(1))));
        } catch (IllegalArgumentException e) {
            error("clock: " + e.getMessage());
        }
    }

    private CompletableFuture<Void> ble(String argument) {
        BleNotification notification = BleNotification.parse(argument);
        return kiosk.simulate(devices -> {
            if (!devices.ble(notification)) {
                throw new IllegalArgumentException("no simulated health device takes "
                        + notification.characteristic().hexId() + "; is it unplugged?");
            }
        });
    }

    private CompletableFuture<Void> gpio(String argument) {
        String[] parts = argument.split("\\s+");
        if (parts.length != 2 || !(parts[1].equals("high") || parts[1].equals("low"))) {
            throw new IllegalArgumentException("usage: gpio <input> high|low, like gpio entry high");
        }
        boolean high = parts[1].equals("high");
        return kiosk.simulate(devices -> devices.gpio(parts[0], high));
    }

    /** Runs one command's step; a mistake in it (a bad name, bad bytes) is an error event, not the end. */
    private void require(String argument, String usage, Supplier<CompletableFuture<Void>> step) {
        if (argument.isEmpty()) {
            error("usage: " + usage);
            return;
        }
        try {
            KioskAssembly.await(step.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(e.getMessage());
        }
    }

    private void error(String message) {
        write(new KioskEvent.Failure(message));
    }

    private void write(KioskEvent event) {
        Map<String, Object> line = EventJson.of(event);
        String text;
        try {
            text = json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + line, e);
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
