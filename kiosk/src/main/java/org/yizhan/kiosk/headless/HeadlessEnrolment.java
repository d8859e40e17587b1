package org.yizhan.kiosk.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yizhan.kiosk.enrolment.KioskEnrolment;

/**
 * A blank kiosk waiting for its enrolment code on standard input, before it runs as {@link HeadlessKiosk}. It
 * writes {@code {"event":"enrolment-needed",…}} first; then each {@code scan <text>} ends in
 * {@code {"event":"enrolled","kiosk":…,"name":…,"config":…}} (and the kiosk starts) or
 * {@code {"event":"enrolment-refused","reason":…,"message":…}} (and it waits for the next scan). {@code quit}
 * or the end of input stops it; any other command is an {@code error} event, since there is no kiosk yet to
 * work. The reasons are {@link org.yizhan.protocol.enrolment.EnrolmentCodes.Reason} codes.
 */
public final class HeadlessEnrolment {

    private final KioskEnrolment enrolment;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public HeadlessEnrolment(KioskEnrolment enrolment, PrintStream out) {
        this.enrolment = enrolment;
        this.out = out;
    }

    /** Reads lines until the kiosk is enrolled (the outcome) or told to stop (empty). */
    public Optional<KioskEnrolment.Enrolled> run(BufferedReader in) throws IOException {
        write(event("enrolment-needed", "config", enrolment.configFile().toString()));
        String line;
        while ((line = in.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("quit")) {
                return Optional.empty();
            }
            if (!trimmed.startsWith("scan ")) {
                write(event("error", "message", "the kiosk is not enrolled yet: scan its enrolment code"
                        + " (scan <text>), or quit"));
                continue;
            }
            KioskEnrolment.Outcome outcome = enrolment.enrol(trimmed.substring("scan ".length()).strip());
            if (outcome instanceof KioskEnrolment.Enrolled enrolled) {
                write(event("enrolled", "kiosk", enrolled.code().kiosk().toString(), "name", enrolled.code().name(),
                        "broker", enrolled.code().brokerUrl(), "config", enrolled.configFile().toString()));
                return Optional.of(enrolled);
            }
            KioskEnrolment.Refused refused = (KioskEnrolment.Refused) outcome;
            write(event("enrolment-refused", "reason", refused.refusal().reason().code(), "message",
                    refused.refusal().message()));
        }
        return Optional.empty();
    }

    private static Map<String, String> event(String name, String... keysAndValues) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("event", name);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            event.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return event;
    }

    private void write(Map<String, String> event) {
        try {
            out.println(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event, e);
        }
        out.flush();
    }
}
