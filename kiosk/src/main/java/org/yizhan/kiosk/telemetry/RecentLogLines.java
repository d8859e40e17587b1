package org.yizhan.kiosk.telemetry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's latest log lines in memory, for the {@code diagnostics} command: what a maintainer would read
 * in the journal if they were standing at the kiosk. Lines are one line each ({@code time level logger:
 * message}, with the exception's class and message), at most {@link #CAPACITY}, the oldest dropped first.
 *
 * <p>It attaches itself to logback's root logger when {@link #attach attached} and detaches when closed;
 * where SLF4J is bound to something else it holds nothing. Thread-safe.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    public static final int CAPACITY = 1000;
    private static final int MAX_LINE = 500;

    private final Deque<String> lines = new ArrayDeque<>();
    private Logger root;

    private RecentLogLines() {
    }

    /** A buffer that hears every log line from now on. */
    public static RecentLogLines attach() {
        RecentLogLines recent = new RecentLogLines();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            recent.setContext(context);
            recent.setName("recent-log-lines");
            recent.start();
            recent.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            recent.root.addAppender(recent);
        }
        return recent;
    }

    /** The last {@code count} lines, oldest first. */
    public List<String> last(int count) {
        synchronized (lines) {
            List<String> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(event.getTimeStamp())).append(' ')
                .append(event.getLevel()).append(' ')
                .append(event.getLoggerName()).append(": ")
                .append(event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(" (").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append(')');
        }
        String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line.toString();
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(text.replace('\n', ' '));
        }
    }

    @Override
    public void close() {
        if (root != null) {
            root.detachAppender(this);
        }
        stop();
    }
}
