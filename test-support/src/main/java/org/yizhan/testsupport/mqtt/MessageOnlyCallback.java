package org.yizhan.testsupport.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho callback for a test's client that cares only about messages: each one goes to the handler on Paho's
 * thread, before the broker hears that it arrived; disconnects, errors and delivery notices are ignored (a test
 * notices them by what stops arriving). Use it with {@code setCallback} and the array form of {@code subscribe}:
 * {@code subscribe(String, int, IMqttMessageListener)} recurses in Paho 1.2.5.
 */
public final class MessageOnlyCallback implements MqttCallback {

    /** What to do with a message; an exception from it is Paho's to handle (it drops the connection). */
    @FunctionalInterface
    public interface Handler {
        void arrived(String topic, MqttMessage message) throws Exception;
    }

    private final Handler handler;

    public MessageOnlyCallback(Handler handler) {
        this.handler = handler;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        handler.arrived(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
