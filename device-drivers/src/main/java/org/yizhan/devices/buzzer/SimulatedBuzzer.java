package org.yizhan.devices.buzzer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A buzzer with no sound: it logs each pattern and keeps what it played for tests. */
public final class SimulatedBuzzer implements Buzzer {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBuzzer.class);

    private final List<BeepPattern> played = new CopyOnWriteArrayList<>();

    @Override
    public void play(BeepPattern pattern) {
        played.add(pattern);
        log.info("buzzer: {}", pattern);
    }

    public List<BeepPattern> played() {
        return List.copyOf(played);
    }
}
