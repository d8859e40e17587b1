package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.Frames.bytes;

import org.junit.jupiter.api.Test;

class BleNotificationTest {

    @Test
    void reads_the_argument_of_the_headless_ble_command() {
        // when
        BleNotification notification = BleNotification.parse("2A35 04 78 00 50 00 5D 00 48 00");

        // then
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, notification.characteristic());
        assertArrayEquals(bytes(0x04, 0x78, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00), notification.value());
    }

    @Test
    void writes_itself_back_in_the_same_form() {
        // given
        String text = "2A9D 00 14 37";

        // when
        BleNotification notification = BleNotification.parse("0x2a9d 0x00 0x14 0x37");

        // then
        assertEquals(text, notification.toString());
        assertEquals(notification, BleNotification.parse(notification.toString()));
    }

    @Test
    void takes_a_characteristic_without_bytes_and_decodes_it_into_a_rejection() {
        // when
        BleNotification notification = BleNotification.parse("2A35");

        // then
        FrameRejection rejection = assertInstanceOf(FrameRejection.class, notification.decode());
        assertTrue(rejection.reason().contains("empty frame"), rejection.reason());
    }

    @Test
    void says_what_it_expects_when_given_nothing() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BleNotification.parse(""));

        // then
        assertTrue(e.getMessage().startsWith("expected <characteristic> <hex bytes>"), e.getMessage());
    }

    @Test
    void names_the_bad_byte_token() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BleNotification.parse("2A35 04 7X 00"));

        // then
        assertEquals("'7X' (token 2) is not hex", e.getMessage());
    }

    @Test
    void keeps_its_bytes_to_itself() {
        // given
        byte[] value = bytes(0x04, 0x78);
        BleNotification notification = new BleNotification(Characteristic.BLOOD_PRESSURE_MEASUREMENT, value);

        // when
        value[0] = 0x00;
        notification.value()[1] = 0x00;

        // then
        assertArrayEquals(bytes(0x04, 0x78), notification.value());
    }
}
