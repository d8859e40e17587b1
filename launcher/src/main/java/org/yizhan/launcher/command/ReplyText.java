package org.yizhan.launcher.command;

import java.util.List;
import java.util.Map;
import org.yizhan.protocol.command.CommandResult;

/**
 * A kiosk's answer as {@code yizhan command} prints it: the outcome on the first line ({@code ok: MESSAGE},
 * {@code rejected: REASON — MESSAGE}, {@code failed: REASON — MESSAGE}), then what the command produced, if
 * anything, as an indented tree of {@code key: value} lines and {@code - item} lists. No trailing newline.
 */
final class ReplyText {

    private static final String INDENT = "  ";

    private ReplyText() {
    }

    static String of(CommandResult result) {
        StringBuilder text = new StringBuilder(outcomeLine(result));
        if (!result.result().isEmpty()) {
            tree(result.result(), "", text);
        }
        return text.toString();
    }

    static String outcomeLine(CommandResult result) {
        String message = result.message().isBlank() ? "" : result.message().strip();
        switch (result.outcome()) {
            case OK:
                return message.isEmpty() ? "ok" : "ok: " + message;
            case REJECTED:
                return "rejected: " + result.reason() + (message.isEmpty() ? "" : " — " + message);
            default:
                return "failed: " + result.reason() + (message.isEmpty() ? "" : " — " + message);
        }
    }

    private static void tree(Object value, String indent, StringBuilder text) {
        if (value instanceof Map<?, ?> map) {
            entries(map, indent, false, text);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                text.append('\n').append(indent).append('-');
                if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                    // "- key: value" with the item's other members under the first, as YAML writes them
                    text.append(' ');
                    entries(map, indent + INDENT, true, text);
                } else {
                    child(item, indent, text);
                }
            }
        }
    }

    private static void entries(Map<?, ?> map, String indent, boolean firstOnThisLine, StringBuilder text) {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(first && firstOnThisLine)) {
                text.append('\n').append(indent);
            }
            text.append(entry.getKey()).append(':');
            child(entry.getValue(), indent, text);
            first = false;
        }
    }

    private static void child(Object value, String indent, StringBuilder text) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            tree(map, indent + INDENT, text);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            tree(list, indent + INDENT, text);
        } else {
            text.append(' ').append(scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return String.valueOf(value).replace("\n", "\\n");
    }
}
