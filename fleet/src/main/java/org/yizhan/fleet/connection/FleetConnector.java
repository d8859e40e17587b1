package org.yizhan.fleet.connection;

/**
 * Makes {@link FleetConnection}s: what a feature that must connect again by itself (the console's ingest, which
 * owns a reconnect loop) takes instead of a connection. The wiring picks the implementation
 * ({@code mqtt.PahoFleetConnection::connect}); tests may count or fail connects.
 */
@FunctionalInterface
public interface FleetConnector {

    /**
     * Connects and returns once the broker accepted the connection.
     *
     * @param sessionListener receives every message that matches no subscription of the new connection: with a
     *                        persistent session, the broker delivers what it queued right after CONNACK, before
     *                        the caller could subscribe again, and those messages would otherwise be acknowledged
     *                        and dropped. Also told once when the connection is lost. Null to drop them.
     * @throws FleetConnectionException when the broker cannot be reached, refuses the connection or does not
     *                                  answer in time
     */
    FleetConnection connect(FleetConnectionSettings settings, SubscriptionListener sessionListener);
}
