package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;
import static org.yizhan.devices.health.Frames.prefix;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.bloodpressure.BloodPressureReading;
import org.yizhan.devices.bloodpressure.PressureUnit;
import org.yizhan.devices.health.ParseResult.RejectionKind;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * What every {@link HealthDevice} promises, run against each implementation with its transport faked at
 * the narrowest seam: a frame that arrives is decoded by the real parser and reaches the listener once,
 * in order; a bad frame is a rejection with a reason; a device that vanishes is absent on the status
 * board, and one that returns is connected and delivers again within seconds.
 *
 * <p>Each implementation's test builds a blood pressure device (Blood Pressure Measurement and
 * Intermediate Cuff Pressure) named {@code bp} and says how a value arrives, how the device vanishes and
 * how it returns over its transport.
 */
public abstract class HealthDeviceContract {

    /**
     * Blood Pressure Measurement, encoded by hand from the layout in the Bluetooth GATT Specification
     * Supplement: flags 0x04 (mmHg, pulse rate present); systolic 0x0078 = 120, diastolic 0x0050 = 80,
     * mean arterial pressure 0x005D = 93 (SFLOATs with exponent 0); pulse rate 0x0048 = 72.
     */
    protected static final byte[] BP_120_80_MAP_93_PULSE_72 = bytes(0x04, 0x78, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00);

    protected final DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
    protected final StatusRecorder statuses = new StatusRecorder(board);
    protected final RecordingListener listener = new RecordingListener();
    protected HealthDevice device;

    /** A blood pressure device named {@code name}, not started, reporting to {@code board}. */
    protected abstract HealthDevice createDevice(String name, DeviceStatusBoard board);

    /** The device sends {@code value} as a value of {@code characteristic}, over the transport under test. */
    protected abstract void arrive(Characteristic characteristic, byte[] value) throws Exception;

    /** The device goes away the way it does on this transport (unplugged, unpaired, port gone). */
    protected abstract void vanish() throws Exception;

    /** The device comes back. */
    protected abstract void reappear() throws Exception;

    @BeforeEach
    void startDevice() throws InterruptedException {
        device = createDevice("bp", board);
        device.start(listener);
        statuses.await("bp", DeviceState.CONNECTED);
    }

    @AfterEach
    void closeDevice() {
        device.close();
    }

    @Test
    void is_connected_on_the_board_under_its_name_once_started() {
        // given a started device (see startDevice)

        // then
        assertEquals("bp", device.name());
        assertEquals(DeviceState.CONNECTED, statuses.current("bp"));
    }

    @Test
    void delivers_a_specification_vector_as_one_blood_pressure_reading() throws Exception {
        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        BloodPressureReading reading = listener.next(Measurement.BloodPressure.class).reading();
        assertDecimal("120", reading.systolicMmHg());
        assertDecimal("80", reading.diastolicMmHg());
        assertDecimal("93", reading.meanArterialPressureMmHg().orElseThrow());
        assertDecimal("72", reading.pulseRatePerMinute().orElseThrow());
        assertEquals(PressureUnit.MMHG, reading.deviceUnit());
        assertEquals(List.of(), listener.pending(), "one frame, one delivery");
    }

    @Test
    void delivers_the_cuff_pressure_while_the_cuff_measures() throws Exception {
        // given Intermediate Cuff Pressure: flags 0, current pressure 0x0096 = 150 mmHg, the two unused fields NaN
        byte[] frame = bytes(0x00, 0x96, 0x00, 0xFF, 0x07, 0xFF, 0x07);

        // when
        arrive(Characteristic.INTERMEDIATE_CUFF_PRESSURE, frame);

        // then
        assertDecimal("150", listener.next(Measurement.IntermediateCuffPressure.class).pressure().mmHg());
    }

    @Test
    void rejects_a_truncated_frame_naming_the_characteristic_the_reason_and_the_bytes() throws Exception {
        // given the vector cut before the pulse rate its flags announce
        byte[] truncated = prefix(BP_120_80_MAP_93_PULSE_72, 7);

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, truncated);

        // then
        FrameRejection rejection = listener.next(FrameRejection.class);
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, rejection.characteristic());
        assertEquals(RejectionKind.MALFORMED, rejection.kind());
        assertTrue(rejection.reason().contains("pulse rate"), rejection.reason());
        assertEquals("04 78 00 50 00 5D 00", rejection.hexBytes());
        DeviceStatus degraded = statuses.await("bp", DeviceState.DEGRADED);
        assertTrue(degraded.lastError().contains("2A35"), degraded.lastError());
    }

    @Test
    void is_connected_again_with_the_next_good_frame_after_a_malformed_one() throws Exception {
        // given
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, prefix(BP_120_80_MAP_93_PULSE_72, 3));
        listener.next(FrameRejection.class);
        statuses.await("bp", DeviceState.DEGRADED);

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        listener.next(Measurement.BloodPressure.class);
        statuses.await("bp", DeviceState.CONNECTED);
    }

    @Test
    void rejects_an_implausible_reading_and_stays_connected() throws Exception {
        // given systolic 0x012C = 300 mmHg, beyond what any person at the window can have
        byte[] frame = bytes(0x00, 0x2C, 0x01, 0x50, 0x00, 0x5D, 0x00);

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, frame);

        // then: the device worked; the measurement did not
        FrameRejection rejection = listener.next(FrameRejection.class);
        assertEquals(RejectionKind.IMPLAUSIBLE, rejection.kind());
        assertTrue(rejection.reason().contains("systolic"), rejection.reason());
        assertEquals(DeviceState.CONNECTED, statuses.current("bp"));
    }

    @Test
    void delivers_frames_in_the_order_they_arrive() throws Exception {
        // given systolic 120, 130 and 140 mmHg, the rest as in the vector
        byte[] first = BP_120_80_MAP_93_PULSE_72;
        byte[] second = bytes(0x04, 0x82, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00);
        byte[] third = bytes(0x04, 0x8C, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00);

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, first);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, second);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, third);

        // then
        assertDecimal("120", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());
        assertDecimal("130", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());
        assertDecimal("140", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());
    }

    @Test
    void is_absent_when_it_vanishes_and_delivers_again_within_seconds_of_returning() throws Exception {
        // when
        vanish();

        // then
        statuses.await("bp", DeviceState.ABSENT);

        // when
        reappear();

        // then: found again, and a measurement flows (each wait is bounded by the 5 s patience)
        statuses.await("bp", DeviceState.CONNECTED);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        assertDecimal("120", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());
    }

    @Test
    void keeps_delivering_after_the_listener_throws() throws Exception {
        // given
        listener.failNextCall();
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, bytes(0x04, 0x82, 0x00, 0x50, 0x00, 0x5D, 0x00, 0x48, 0x00));

        // then
        assertDecimal("130", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());
        assertEquals(2, listener.threads().size(), "the failing call and the one after it");
    }

    @Test
    void can_be_closed_twice() {
        // when
        device.close();
        device.close();

        // then: no exception, and the board keeps the last status rather than inventing one
        assertEquals(DeviceState.CONNECTED, statuses.current("bp"));
    }
}
