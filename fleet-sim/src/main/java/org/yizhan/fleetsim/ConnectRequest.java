package org.yizhan.fleetsim;

import java.util.Objects;

/**
 * What one connect of a simulated kiosk asks of the broker.
 *
 * @param username          the kiosk's broker user; null to connect without one
 * @param password          its password; null for none
 * @param will              the Last Will: the retained offline {@code state} of this connect's birth sequence
 * @param keepAliveSeconds  the MQTT keep-alive, as the kiosk's
 */
public record ConnectRequest(String username, byte[] password, Publication will, int keepAliveSeconds) {

    public ConnectRequest {
        Objects.requireNonNull(will, "will");
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keep-alive is 0 to 65535 seconds, not " + keepAliveSeconds);
        }
    }
}
