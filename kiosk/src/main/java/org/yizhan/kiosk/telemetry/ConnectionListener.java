package org.yizhan.kiosk.telemetry;

/** Hears the connection changes of an {@link MqttTransport}, on the transport's thread; must return quickly. */
@FunctionalInterface
public interface ConnectionListener {

    void connectionChanged(ConnectionEvent event);
}
