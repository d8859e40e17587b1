package org.yizhan.fleetsim;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.yizhan.protocol.codec.PayloadCodec;

/**
 * What every simulated kiosk of one run shares.
 *
 * @param thread    the simulation's one thread: all kiosk state lives on it
 * @param clock     the time of envelopes, birth sequences and health readings
 * @param codec     encodes every payload
 * @param tally     the run's counters
 * @param settings  the run's settings
 * @param connector makes the kiosks' connections
 * @param connects  the waves connects and goodbyes go out in
 * @param buckets   when footfall buckets close
 */
record SimulationContext(
        ScheduledExecutorService thread,
        Clock clock,
        PayloadCodec codec,
        Tally tally,
        SimulationSettings settings,
        KioskConnector connector,
        InFlightLimit connects,
        BucketClock buckets) {
}
