package org.yizhan.devices.health.ble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.Frames.bytes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What of the BlueZ adapter runs without Bluetooth; the rest is {@link BluezBleLinkHardwareTest}. */
class BluezBleLinkTest {

    @Test
    void reads_a_characteristic_value_whichever_way_dbus_java_unmarshalled_it() {
        byte[] expected = bytes(0x04, 0x78, 0xFF);

        assertArrayEquals(expected, BluezBleLink.bytesOf(bytes(0x04, 0x78, 0xFF)));
        assertArrayEquals(expected, BluezBleLink.bytesOf(List.of((byte) 0x04, (byte) 0x78, (byte) 0xFF)));
        assertArrayEquals(expected, BluezBleLink.bytesOf(new Byte[] {0x04, 0x78, (byte) 0xFF}));
        assertThrows(IllegalArgumentException.class, () -> BluezBleLink.bytesOf("04 78 FF"));
    }

    @Test
    void finds_the_socket_of_the_system_bus_address() {
        assertEquals(Optional.of(Path.of("/var/run/dbus/system_bus_socket")), BluezBleLink.systemBusSocket(null));
        assertEquals(Optional.of(Path.of("/run/dbus/bus")), BluezBleLink.systemBusSocket("unix:path=/run/dbus/bus,guid=1234;tcp:host=x"));
        assertEquals(Optional.empty(), BluezBleLink.systemBusSocket("tcp:host=127.0.0.1,port=12345"));
        assertEquals(Optional.empty(), BluezBleLink.systemBusSocket("unix:abstract=/tmp/dbus-x"));
    }

    @Test
    void says_what_to_check_when_there_is_no_system_bus() {
        // given a machine without a system D-Bus (as the build machines are)
        Assumptions.assumeFalse(Files.exists(Path.of("/run/dbus/system_bus_socket"))
                || Files.exists(Path.of("/var/run/dbus/system_bus_socket"))
                || System.getenv("DBUS_SYSTEM_BUS_ADDRESS") != null, "this machine has a system D-Bus");
        BluezBleLink link = new BluezBleLink(Optional.empty());

        // when
        BleLinkException e = assertThrows(BleLinkException.class, link::checkAdapter);

        // then
        assertTrue(e.getMessage().startsWith("cannot reach BlueZ on the system D-Bus (is bluetoothd running"), e.getMessage());
        link.close();
    }

    @Test
    void refuses_work_once_closed() {
        // given
        BluezBleLink link = new BluezBleLink(Optional.of("hci0"));
        link.close();

        // when
        BleLinkException e = assertThrows(BleLinkException.class, link::checkAdapter);

        // then
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        link.close();
    }
}
