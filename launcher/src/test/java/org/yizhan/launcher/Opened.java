package org.yizhan.launcher;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a long test opened — brokers, processes, consoles, clients — closed in the reverse order, every one of
 * them even when some fail; the first failure is thrown with the others suppressed in it.
 */
final class Opened implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
