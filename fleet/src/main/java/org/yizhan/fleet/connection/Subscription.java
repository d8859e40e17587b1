package org.yizhan.fleet.connection;

/**
 * One granted subscription of a {@link FleetConnection}. Closing it stops its listener at once; the MQTT
 * unsubscribe follows when no other subscription to the same filter remains. Idempotent and thread-safe.
 */
public interface Subscription extends AutoCloseable {

    String filter();

    @Override
    void close();
}
