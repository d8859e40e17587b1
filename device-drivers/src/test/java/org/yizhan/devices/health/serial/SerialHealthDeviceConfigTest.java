package org.yizhan.devices.health.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialHealthDeviceConfigTest {

    @Test
    void a_bridge_speaks_the_line_protocol_at_115200_baud() {
        // when
        SerialHealthDeviceConfig config = SerialHealthDeviceConfig.bridge("bp", "/dev/serial/by-id/usb-bridge");

        // then
        assertEquals(115_200, config.baud());
        assertEquals("bridge-line", assertInstanceOf(BridgeLineProtocol.class, config.protocol()).name());
        assertEquals(Duration.ofSeconds(1), config.reopenInterval());
    }

    @Test
    void refuses_a_blank_port_naming_the_device() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SerialHealthDeviceConfig.bridge("bp", " "));

        // then
        assertEquals("bp: port is blank; give a path such as /dev/serial/by-id/usb-…", e.getMessage());
    }

    @Test
    void refuses_a_baud_rate_that_is_not_positive() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SerialHealthDeviceConfig.bridge("bp", "/dev/ttyUSB0").withBaud(0));

        // then
        assertEquals("bp: baud 0 is not positive", e.getMessage());
    }

    @Test
    void refuses_a_reopen_interval_that_is_not_positive() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SerialHealthDeviceConfig.bridge("bp", "/dev/ttyUSB0").withReopenInterval(Duration.ofSeconds(-1)));

        // then
        assertEquals("bp: reopen interval PT-1S is not positive", e.getMessage());
    }
}
