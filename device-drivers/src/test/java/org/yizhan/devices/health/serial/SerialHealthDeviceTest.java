package org.yizhan.devices.health.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.HealthDeviceContract;
import org.yizhan.devices.health.HexBytes;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.RecordingListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/** The serial transport with the bridge line protocol, over a fake port. */
class SerialHealthDeviceTest extends HealthDeviceContract {

    private static final Duration FAST_REOPEN = Duration.ofMillis(20);

    private final FakeSerialLink link = new FakeSerialLink(true);

    private static SerialHealthDeviceConfig config(String name) {
        return SerialHealthDeviceConfig.bridge(name, "/dev/fake-cuff").withReopenInterval(FAST_REOPEN);
    }

    @Override
    protected HealthDevice createDevice(String name, DeviceStatusBoard board) {
        return new SerialHealthDevice(config(name), link, board);
    }

    @Override
    protected void arrive(Characteristic characteristic, byte[] value) {
        link.send(characteristic.hexId() + " " + HexBytes.format(value) + "\r\n");
    }

    @Override
    protected void vanish() {
        link.unplug();
    }

    @Override
    protected void reappear() {
        link.plug();
    }

    @Test
    void a_garbled_line_degrades_the_device_until_the_next_good_frame() throws Exception {
        // when: line noise, as from a bridge at the wrong baud rate
        link.send("2A35 04 7\u00008\n");

        // then
        DeviceStatus degraded = statuses.await("bp", DeviceState.DEGRADED);
        assertTrue(degraded.lastError().startsWith("garbled frame from /dev/fake-cuff: byte 0x00 at column 10"), degraded.lastError());

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        listener.next(Measurement.BloodPressure.class);
        statuses.await("bp", DeviceState.CONNECTED);
    }

    @Test
    void puts_a_line_split_across_reads_back_together() throws Exception {
        // when
        link.send("2A35 04 78 00 5");
        link.send("0 00 5D 00 48 00\n");

        // then
        assertDecimal("80", listener.next(Measurement.BloodPressure.class).reading().diastolicMmHg());
    }

    @Test
    void skips_lines_for_characteristics_it_does_not_decode() throws Exception {
        // given a battery level (0x2A19) and a bridge comment before the measurement
        link.send("2A19 64\n# bridge v1.2 connected to A4:C1:38:00:00:01\n");

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        listener.next(Measurement.BloodPressure.class);
        assertEquals(0, listener.pending().size());
        assertEquals(DeviceState.CONNECTED, statuses.current("bp"));
    }

    @Test
    void finds_a_port_missing_at_start_once_it_appears() throws Exception {
        // given
        FakeSerialLink missing = new FakeSerialLink(false);
        RecordingListener scaleListener = new RecordingListener();
        HealthDevice scale = new SerialHealthDevice(config("scale"), missing, board);

        // when
        scale.start(scaleListener);

        // then
        DeviceStatus absent = statuses.await("scale", DeviceState.ABSENT);
        assertEquals("/dev/fake-cuff: /dev/fake-cuff does not exist (unplugged?)", absent.lastError());

        // when
        missing.plug();
        missing.send("2A9D 00 14 37\n");

        // then
        statuses.await("scale", DeviceState.CONNECTED);
        assertDecimal("70.5", scaleListener.next(Measurement.Weight.class).reading().kilograms());
        scale.close();
    }

    @Test
    void close_closes_the_port() throws Exception {
        // given an open port
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next();

        // when
        device.close();

        // then
        assertFalse(link.isOpen());
    }

    @Test
    void calls_the_listener_on_the_reader_thread() throws Exception {
        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next();

        // then
        assertEquals("health-serial-bp", listener.threads().get(0));
    }
}
