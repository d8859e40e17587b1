package org.yizhan.kiosk.telemetry;

/**
 * Takes the commands the broker delivers to this kiosk, on the transport's thread, one at a time in arrival
 * order. It must return quickly (verify and execute on another thread); an exception it throws is logged
 * and the connection stays up. Nothing is verified yet: the payload is whatever arrived on the topic.
 */
@FunctionalInterface
public interface CommandHandler {

    void commandArrived(ReceivedCommand command);
}
