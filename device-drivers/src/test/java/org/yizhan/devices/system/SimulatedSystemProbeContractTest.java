package org.yizhan.devices.system;

/** The simulated probe, set up as the same four machines. */
class SimulatedSystemProbeContractTest extends SystemProbeContract {

    @Override
    protected SystemProbe healthyPi() {
        return new SimulatedSystemProbe(clock);
    }

    @Override
    protected SystemProbe underVoltedPi() {
        SimulatedSystemProbe probe = new SimulatedSystemProbe(clock);
        probe.vcgencmdOutput("throttled=0x50005\n");
        return probe;
    }

    @Override
    protected SystemProbe readOnlyDataPartition() {
        SimulatedSystemProbe probe = new SimulatedSystemProbe(clock);
        probe.readOnly(true);
        return probe;
    }

    @Override
    protected SystemProbe machineWithoutPiReadings() {
        SimulatedSystemProbe probe = new SimulatedSystemProbe(clock);
        probe.update(h -> h.cpuCelsius(null).throttling(null).underVoltageAlarm(null).storageWear(null));
        return probe;
    }
}
