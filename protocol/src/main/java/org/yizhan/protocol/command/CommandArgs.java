package org.yizhan.protocol.command;

import java.time.Instant;
import java.util.Objects;

/**
 * The arguments of each command, the {@code args} object of its JSON. Unknown members are refused
 * ({@code bad-arguments}): a kiosk must not silently ignore an option the fleet relies on.
 */
public sealed interface CommandArgs {

    int MAX_NOTICE_LENGTH = 280;
    int DEFAULT_LOG_LINES = 200;
    int MAX_LOG_LINES = 1000;

    record Restart() implements CommandArgs {
    }

    record Resync() implements CommandArgs {
    }

    /**
     * A notice on the home screen.
     *
     * @param zh    the text in Chinese, shown first; at most 280 characters
     * @param en    the English text; null for none
     * @param until when the notice disappears; a time already past removes a notice shown
     */
    record Notice(String zh, String en, Instant until) implements CommandArgs {
        public Notice {
            if (zh == null || zh.isBlank()) {
                throw new IllegalArgumentException("notice needs zh text");
            }
            if (zh.length() > MAX_NOTICE_LENGTH || (en != null && en.length() > MAX_NOTICE_LENGTH)) {
                throw new IllegalArgumentException("notice text is limited to " + MAX_NOTICE_LENGTH + " characters");
            }
            Objects.requireNonNull(until, "notice needs until");
        }
    }

    /**
     * A diagnostics snapshot in the result.
     *
     * @param logLines how many recent log lines to include, 0–1000; null for
     *                 200
     */
    record Diagnostics(Integer logLines) implements CommandArgs {
        public Diagnostics {
            if (logLines != null && (logLines < 0 || logLines > MAX_LOG_LINES)) {
                throw new IllegalArgumentException("logLines must be 0 to " + MAX_LOG_LINES + ", not " + logLines);
            }
        }

        public int logLinesOrDefault() {
            return logLines == null ? DEFAULT_LOG_LINES : logLines;
        }
    }

    /**
     * One setting changed, as written in the kiosk's configuration file. Only keys of {@link SafeConfigKey}
     * are accepted, with a value that key accepts.
     */
    record ConfigSet(String key, String value) implements CommandArgs {
        public ConfigSet {
            Objects.requireNonNull(key, "config-set needs key");
            Objects.requireNonNull(value, "config-set needs value");
        }
    }
}
