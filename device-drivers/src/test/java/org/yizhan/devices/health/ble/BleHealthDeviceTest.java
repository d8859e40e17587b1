package org.yizhan.devices.health.ble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.HealthDeviceContract;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.RecordingListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The BLE transport's logic against a fake stack. "Vanishing" for a Bluetooth device means BlueZ no
 * longer has it paired (removed, bond lost): a cuff that merely sleeps is still there, see
 * {@link #a_cuff_that_disconnects_after_its_result_stays_connected_and_is_subscribed_again_when_it_wakes}.
 */
class BleHealthDeviceTest extends HealthDeviceContract {

    private static final String CUFF = "A4:C1:38:00:00:01";
    private static final String OTHER_CUFF = "A4:C1:38:00:00:02";
    private static final Duration FAST_POLL = Duration.ofMillis(20);

    private final FakeBleLink link = new FakeBleLink();

    {
        link.pair(CUFF, 0x1810, 0x2A35, 0x2A36);
    }

    @Override
    protected HealthDevice createDevice(String name, DeviceStatusBoard board) {
        return new BleHealthDevice(BleHealthDeviceConfig.bloodPressure(name).withPollInterval(FAST_POLL), link, board);
    }

    @Override
    protected void arrive(Characteristic characteristic, byte[] value) throws InterruptedException {
        link.indicate(CUFF, characteristic.uuid16(), value);
    }

    @Override
    protected void vanish() {
        link.remove(CUFF);
    }

    @Override
    protected void reappear() {
        link.pair(CUFF, 0x1810, 0x2A35, 0x2A36);
    }

    @Test
    void a_cuff_that_disconnects_after_its_result_stays_connected_and_is_subscribed_again_when_it_wakes() throws Exception {
        // given a first measurement, after which the cuff hangs up and sleeps
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next(Measurement.BloodPressure.class);
        link.sleep(CUFF);

        // when the kiosk has tried to reach the sleeping cuff a few times
        link.awaitConnectAttempts(link.connectAttempts() + 3);

        // then sleeping is no fault
        assertEquals(DeviceState.CONNECTED, statuses.current("bp"));

        // when the resident measures again
        link.wake(CUFF);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);

        // then
        assertDecimal("72", listener.next(Measurement.BloodPressure.class).reading().pulseRatePerMinute().orElseThrow());
    }

    @Test
    void is_degraded_while_the_adapter_is_down_and_delivers_again_when_it_returns() throws Exception {
        // when
        link.adapterDown();

        // then
        DeviceStatus degraded = statuses.await("bp", DeviceState.DEGRADED);
        assertEquals("Bluetooth adapter hci0 is off", degraded.lastError());

        // when
        link.adapterUp();

        // then
        statuses.await("bp", DeviceState.CONNECTED);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next(Measurement.BloodPressure.class);
    }

    @Test
    void is_absent_while_no_paired_device_offers_the_service() throws Exception {
        // given a scale that was never paired
        HealthDevice scale = new BleHealthDevice(BleHealthDeviceConfig.weightScale("scale").withPollInterval(FAST_POLL), link, board);

        // when
        scale.start(new RecordingListener());

        // then
        DeviceStatus absent = statuses.await("scale", DeviceState.ABSENT);
        assertEquals("no paired device offering service 0x181D; pair one with bluetoothctl", absent.lastError());
        scale.close();
    }

    @Test
    void uses_only_the_cuff_at_the_configured_address() throws Exception {
        // given two paired cuffs, and a device configured for the second
        FakeBleLink twoCuffs = new FakeBleLink();
        twoCuffs.pair(CUFF, 0x1810, 0x2A35);
        twoCuffs.pair(OTHER_CUFF, 0x1810, 0x2A35);
        RecordingListener second = new RecordingListener();
        HealthDevice device = new BleHealthDevice(BleHealthDeviceConfig.bloodPressure("bp2")
                .withAddress(OTHER_CUFF.toLowerCase()).withPollInterval(FAST_POLL), twoCuffs, board);

        // when
        device.start(second);
        twoCuffs.indicate(OTHER_CUFF, 0x2A35, BP_120_80_MAP_93_PULSE_72);

        // then
        second.next(Measurement.BloodPressure.class);
        assertEquals(Optional.of(OTHER_CUFF), twoCuffs.connectedAddress());
        device.close();
    }

    @Test
    void is_degraded_when_the_device_lacks_the_measurement_characteristic() throws Exception {
        // given a device offering the service but only the intermediate cuff pressure
        FakeBleLink odd = new FakeBleLink();
        odd.pair(CUFF, 0x1810, 0x2A36);
        HealthDevice device = new BleHealthDevice(BleHealthDeviceConfig.bloodPressure("odd").withPollInterval(FAST_POLL), odd, board);

        // when
        device.start(new RecordingListener());

        // then
        DeviceStatus degraded = statuses.await("odd", DeviceState.DEGRADED);
        assertEquals(CUFF + " has no Blood Pressure Measurement characteristic (0x2A35) in service 0x1810: is it the right device?",
                degraded.lastError());
        device.close();
    }

    @Test
    void carries_on_without_intermediate_cuff_pressure_when_the_cuff_lacks_it() throws Exception {
        // given
        FakeBleLink plain = new FakeBleLink();
        plain.pair(CUFF, 0x1810, 0x2A35);
        RecordingListener plainListener = new RecordingListener();
        HealthDevice device = new BleHealthDevice(BleHealthDeviceConfig.bloodPressure("plain").withPollInterval(FAST_POLL), plain, board);

        // when
        device.start(plainListener);
        plain.indicate(CUFF, 0x2A35, BP_120_80_MAP_93_PULSE_72);

        // then
        plainListener.next(Measurement.BloodPressure.class);
        assertEquals(Set.of(0x2A35), plain.subscribed());
        assertEquals(DeviceState.CONNECTED, statuses.current("plain"));
        device.close();
    }

    @Test
    void a_failing_connection_degrades_the_device_until_a_connection_succeeds() throws Exception {
        // given
        link.sleep(CUFF);
        link.failConnections("le-connection-abort-by-local");
        link.wake(CUFF);

        // then
        assertEquals("le-connection-abort-by-local", statuses.await("bp", DeviceState.DEGRADED).lastError());

        // when
        link.failConnections(null);

        // then
        statuses.await("bp", DeviceState.CONNECTED);
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next(Measurement.BloodPressure.class);
    }

    @Test
    void calls_the_listener_on_the_device_thread_not_the_stacks() throws Exception {
        // when
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next();

        // then
        assertEquals("health-ble-bp", listener.threads().get(0));
    }

    @Test
    void close_disconnects_and_closes_the_link() throws Exception {
        // given a subscribed device
        arrive(Characteristic.BLOOD_PRESSURE_MEASUREMENT, BP_120_80_MAP_93_PULSE_72);
        listener.next();

        // when
        device.close();

        // then
        assertTrue(link.isClosed());
        assertEquals(Optional.empty(), link.connectedAddress());
    }
}
