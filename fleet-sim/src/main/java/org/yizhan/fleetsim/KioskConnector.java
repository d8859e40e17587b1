package org.yizhan.fleetsim;

import java.util.function.Consumer;

/** Makes the connections of simulated kiosks to one broker. Thread-safe. */
public interface KioskConnector {

    /**
     * A new connection, not connected yet, with the MQTT client id {@code clientId}.
     *
     * @param lost told, with the reason, when an established connection ends without {@link KioskConnection#crash}
     *             or {@link KioskConnection#disconnect} having been asked for (the broker closed it, the network
     *             failed); called once at most, on the implementation's thread
     */
    KioskConnection open(String clientId, Consumer<String> lost);

    /** Where the connections go, e.g. {@code tcp://127.0.0.1:1883}, for messages. */
    String broker();
}
