package org.yizhan.kiosk.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.ConnectionListener;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/** Records a transport's connection events for a test to wait on. */
final class Events implements ConnectionListener {

    private final BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void connectionChanged(ConnectionEvent event) {
        events.add(event);
    }

    /** The next event of {@code type}, skipping events of other types. */
    <T extends ConnectionEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + MqttWatcher.PATIENCE.toNanos();
        List<ConnectionEvent> skipped = new ArrayList<>();
        while (true) {
            ConnectionEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                return fail("no " + type.getSimpleName() + " within " + MqttWatcher.PATIENCE + "; events: " + skipped);
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
            skipped.add(event);
        }
    }
}
