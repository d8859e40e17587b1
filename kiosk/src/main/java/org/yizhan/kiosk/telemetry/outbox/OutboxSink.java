package org.yizhan.kiosk.telemetry.outbox;

import java.util.concurrent.CompletionStage;

/**
 * Where the {@link OutboxPublisher} hands messages to the broker: the kiosk's MQTT connection, behind an
 * adapter.
 *
 * <p>The returned stage completes normally only when the broker has acknowledged the message (PUBACK at
 * QoS 1); only then does the publisher delete it from the outbox. It completes exceptionally when the
 * message was not acknowledged (not connected, connection lost, refused, closed) — the message may still
 * have reached the broker, so the outbox sends it again later and readers drop the copy by its id. A stage
 * that never completes is given up after {@link PublisherOptions#ackTimeout()} and treated as a failure.
 *
 * <p>Threading: called on the publisher's thread; it must not block, and may complete the stage on any
 * thread, the calling one included.
 */
@FunctionalInterface
public interface OutboxSink {

    CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained);
}
