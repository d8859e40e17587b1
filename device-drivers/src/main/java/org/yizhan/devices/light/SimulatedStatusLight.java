package org.yizhan.devices.light;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A status light with no lamp: it logs each pattern and remembers the current one for tests. */
public final class SimulatedStatusLight implements StatusLight {

    private static final Logger log = LoggerFactory.getLogger(SimulatedStatusLight.class);

    private volatile LightPattern current = LightPattern.IDLE;

    @Override
    public void show(LightPattern pattern) {
        current = pattern;
        log.info("status light: {}", pattern);
    }

    public LightPattern current() {
        return current;
    }
}
