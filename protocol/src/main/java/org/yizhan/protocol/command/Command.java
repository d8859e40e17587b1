package org.yizhan.protocol.command;

import com.github.f4b6a3.ulid.UlidCreator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.KioskTopic;

/**
 * A command to one kiosk: the claims the fleet signs. Its name follows from its arguments, so the two
 * cannot disagree. See {@link CommandSigningKey#sign} for the bytes on the wire and {@link CommandVerifier}
 * for what a kiosk checks.
 *
 * @param schema   the version of the command format, {@link #SCHEMA} today
 * @param id       a ULID; the kiosk's {@code cmd-result} names it, and so does the MQTT 5 correlation data
 * @param ts       when the fleet made it
 * @param kiosk    the one kiosk that may obey it
 * @param notAfter after this instant the kiosk refuses it as {@code expired}; at most
 *                 {@link #MAX_VALIDITY} after {@code ts}
 * @param nonce    16 random bytes in base64url; a kiosk obeys each nonce at most once
 * @param args     what to do
 */
public record Command(int schema, String id, Instant ts, KioskId kiosk, Instant notAfter, String nonce,
        CommandArgs args) {

    public static final int SCHEMA = 1;
    /** How long a command may stay valid: long enough for a kiosk briefly offline, short enough to bound replays. */
    public static final Duration MAX_VALIDITY = Duration.ofHours(1);
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    public Command {
        if (schema < 1) {
            throw new IllegalArgumentException("schema must be at least 1, not " + schema);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(args, "args");
    }

    /** A new command for {@code kiosk}, valid for {@code validity} from {@code now}, with fresh id and nonce. */
    public static Command create(KioskId kiosk, CommandArgs args, Instant now, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("validity must be positive and at most " + MAX_VALIDITY);
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Instant ts = now.truncatedTo(ChronoUnit.MILLIS);
        return new Command(SCHEMA, UlidCreator.getMonotonicUlid().toString(), ts, kiosk, ts.plus(validity),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), args);
    }

    public CommandName name() {
        return CommandName.of(args);
    }

    /** The topic to publish it to: {@code yizhan/v1/{site}/{kiosk}/cmd/{name}}. */
    public KioskTopic topic() {
        return KioskTopic.command(kiosk, name().code());
    }
}
