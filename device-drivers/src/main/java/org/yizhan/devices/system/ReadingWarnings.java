package org.yizhan.devices.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a problem with one source of readings (a file, a command) when it starts, not on every poll: a
 * probe that runs every few seconds for months would otherwise fill the journal with one broken
 * sensor. Once the source reads well again, its next problem is logged again. Safe from any thread.
 */
final class ReadingWarnings {

    private final Logger log;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    ReadingWarnings(Logger log) {
        this.log = log;
    }

    void warn(String source, String message) {
        if (failing.add(source)) {
            log.warn("{} (logged once until it reads well again)", message);
        }
    }

    void recovered(String source) {
        if (failing.remove(source)) {
            log.info("{} reads well again", source);
        }
    }
}
