package org.yizhan.protocol.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MqttReasonCodeTest {

    @Test
    void names_an_mqtt_reason_code_in_words_and_hex() {
        assertEquals("not authorized (0x87)", MqttReasonCode.mqtt(0x87));
        assertEquals("session taken over (0x8E)", MqttReasonCode.mqtt(0x8E));
        assertEquals("wildcard subscriptions not supported (0xA2)", MqttReasonCode.mqtt(0xA2));
    }

    @Test
    void shows_a_code_without_words_by_its_number() {
        assertEquals("reason (0x91)", MqttReasonCode.mqtt(0x91));
        assertEquals("MQTT client error 32201", MqttReasonCode.client(32201));
    }

    @Test
    void tells_a_broker_refusal_from_the_clients_own_failures() {
        assertEquals("refused by the broker: bad user name or password (0x86)", MqttReasonCode.failure(0x86));
        assertEquals("cannot reach the broker", MqttReasonCode.failure(32103));
        assertEquals("MQTT client error 5", MqttReasonCode.failure(5));
    }

    @Test
    void errors_start_at_0x80() {
        assertFalse(MqttReasonCode.isError(0x00));
        assertFalse(MqttReasonCode.isError(0x7F));
        assertTrue(MqttReasonCode.isError(0x80));
        assertTrue(MqttReasonCode.isMqtt(0xFF));
        assertFalse(MqttReasonCode.isMqtt(32000));
    }
}
