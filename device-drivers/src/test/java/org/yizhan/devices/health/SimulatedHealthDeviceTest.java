package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatusBoard;

class SimulatedHealthDeviceTest extends HealthDeviceContract {

    private SimulatedHealthDevice simulated;

    @Override
    protected HealthDevice createDevice(String name, DeviceStatusBoard board) {
        simulated = new SimulatedHealthDevice(name, board,
                EnumSet.of(Characteristic.BLOOD_PRESSURE_MEASUREMENT, Characteristic.INTERMEDIATE_CUFF_PRESSURE));
        return simulated;
    }

    @Override
    protected void arrive(Characteristic characteristic, byte[] value) {
        assertTrue(simulated.receive(characteristic, value), "the simulated device took the value");
    }

    @Override
    protected void vanish() {
        simulated.unplug();
    }

    @Override
    protected void reappear() {
        simulated.plug();
    }

    @Test
    void calls_the_listener_before_receive_returns_on_the_callers_thread() {
        // when
        simulated.receive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then: nothing to wait for, so a headless command's events are out before the next command
        assertEquals(1, listener.pending().size());
        assertEquals(List.of(Thread.currentThread().getName()), listener.threads());
    }

    @Test
    void takes_the_text_of_the_headless_ble_command_through_the_real_parser() throws Exception {
        // given
        BleNotification command = BleNotification.parse("2a35 0x04 78 00 50 00 5d 00 48 00");

        // when
        boolean delivered = simulated.receive(command);

        // then
        assertTrue(delivered);
        assertDecimal("80", listener.next(Measurement.BloodPressure.class).reading().diastolicMmHg());
    }

    @Test
    void takes_the_characteristic_as_a_uuid_string() throws Exception {
        // when
        simulated.receive("0x2A35", BP_120_80_MAP_93_PULSE_72);

        // then
        assertDecimal("93", listener.next(Measurement.BloodPressure.class).reading().meanArterialPressureMmHg().orElseThrow());
    }

    @Test
    void loses_values_received_while_unplugged() throws Exception {
        // given
        simulated.unplug();
        statuses.await("bp", DeviceState.ABSENT);

        // when
        boolean delivered = simulated.receive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        assertFalse(delivered);
        assertEquals(List.of(), listener.pending());
    }

    @Test
    void loses_values_of_a_characteristic_it_does_not_serve() {
        // given a weight of 0x3714 x 0.005 = 70.5 kg, sent to a device that is a cuff
        byte[] weight = bytes(0x00, 0x14, 0x37);

        // when
        boolean delivered = simulated.receive(Characteristic.WEIGHT_MEASUREMENT, weight);

        // then
        assertFalse(delivered);
        assertFalse(simulated.serves(Characteristic.WEIGHT_MEASUREMENT));
        assertEquals(List.of(), listener.pending());
    }

    @Test
    void delivers_nothing_after_close() {
        // given
        simulated.close();

        // when
        boolean delivered = simulated.receive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        assertFalse(delivered);
        assertEquals(List.of(), listener.pending());
    }

    @Test
    void starts_absent_when_unplugged_before_start() throws Exception {
        // given
        SimulatedHealthDevice scale = new SimulatedHealthDevice("scale", board);
        scale.unplug();

        // when
        scale.start(new RecordingListener());

        // then
        statuses.await("scale", DeviceState.ABSENT);
        scale.close();
    }

    @Test
    void serves_every_characteristic_by_default_and_decodes_a_weight() throws Exception {
        // given
        SimulatedHealthDevice scale = new SimulatedHealthDevice("scale", board);
        RecordingListener scaleListener = new RecordingListener();
        scale.start(scaleListener);

        // when: flags 0 (SI), weight 0x3714 = 14100 x 0.005 kg
        scale.receive(Characteristic.WEIGHT_MEASUREMENT, bytes(0x00, 0x14, 0x37));

        // then
        Measurement.Weight weight = assertInstanceOf(Measurement.Weight.class, scaleListener.next());
        assertDecimal("70.5", weight.reading().kilograms());
        scale.close();
    }
}
