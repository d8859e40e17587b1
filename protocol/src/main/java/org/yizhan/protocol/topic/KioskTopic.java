package org.yizhan.protocol.topic;

import java.util.Objects;
import java.util.Optional;

/**
 * One concrete topic of one kiosk, e.g. {@code yizhan/v1/demo/kiosk-1/health} or
 * {@code yizhan/v1/demo/kiosk-1/cmd/restart}. {@link #command()} is the last level of a command topic and
 * null for every other kind. {@link #toString()} is the topic name to publish to.
 */
public record KioskTopic(KioskId kiosk, TopicKind kind, String command) {

    public KioskTopic {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(kind, "kind");
        if (kind == TopicKind.COMMAND) {
            KioskId.invalidity("command name", command).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        } else if (command != null) {
            throw new IllegalArgumentException("only cmd topics carry a command name, not " + kind.segment());
        }
    }

    public static KioskTopic of(KioskId kiosk, TopicKind kind) {
        return new KioskTopic(kiosk, kind, null);
    }

    public static KioskTopic command(KioskId kiosk, String name) {
        return new KioskTopic(kiosk, TopicKind.COMMAND, name);
    }

    public Optional<String> commandName() {
        return Optional.ofNullable(command);
    }

    @Override
    public String toString() {
        String base = Topics.prefix(kiosk) + kind.segment();
        return command == null ? base : base + "/" + command;
    }
}
